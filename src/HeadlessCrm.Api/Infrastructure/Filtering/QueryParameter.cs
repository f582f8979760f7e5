using System.Linq.Expressions;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// Wraps a value so that EF sends it as a query parameter (it reads a member of a closure) rather than inlining it
/// into the SQL text, which would defeat plan caching and invite injection-shaped surprises.
/// </summary>
public static class QueryParameter
{
    public static MemberExpression Of<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed record Box<TValue>(TValue Value);
}
