using System.Linq.Expressions;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// A step through a relation to another resource's fields: to one record (<c>company.kind</c>: the company matches)
/// or to many (<c>contacts.source</c>: at least one contact matches).
/// </summary>
internal sealed class RelationField<T, TOther>(
    string name, LambdaExpression target, bool many, Func<FilterSchema<TOther>> schema) : IFilterField<T>
{
    public string Name => name;

    public string Describe() => many ? $"relation to many (any matches): {name}.<field>" : $"relation: {name}.<field>";

    public IReadOnlyCollection<FilterOperator> Operators => [];

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        if (rest is null) throw new InvalidQueryException(path, $"'{name}' is a relation; filter on one of its fields, like '{name}.<field>'.");
        var inner = context.Apart(() => schema().Condition(rest, op, value, path, context));
        var parameter = target.Parameters[0];
        Expression body;
        if (many)
        {
            var any = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(TOther));
            body = Expression.Call(any, target.Body, inner);
        }
        else
        {
            body = Expression.AndAlso(
                Expression.NotEqual(target.Body, Expression.Constant(null, typeof(TOther))),
                ReplacingExpressionVisitor.Replace(inner.Parameters[0], target.Body, inner.Body));
        }
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }
}
