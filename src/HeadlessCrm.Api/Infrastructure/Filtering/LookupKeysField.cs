using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// A <see cref="TagsField{T}"/> whose keys are nearly unique (an email address is one contact's), compiled lookup-first:
/// <c>id IN (SELECT id FROM … WHERE keys @&gt; @wanted OFFSET @zero)</c>. PostgreSQL has no statistics for array
/// elements that never repeat, so it guesses that 0.5 % of the rows match a key — and, asked for the newest 25, walks
/// the created_at index backwards hoping to meet them soon, through every row when there is one match. The OFFSET
/// keeps the subquery from being flattened into the outer query: the planner then fetches the few matches through the
/// GIN index, joins them by primary key and sorts them. Without a DbContext (filters evaluated in memory) it is the
/// plain containment.
/// </summary>
internal sealed class LookupKeysField<T>(TagsField<T> keys, Expression<Func<T, Guid>> id) : IFilterField<T> where T : class
{
    public string Name => keys.Name;

    public string Describe() => keys.Describe();

    public IReadOnlyCollection<FilterOperator> Operators => keys.Operators;

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        var matches = keys.Build(rest, op, value, path, context);
        var rows = context.Rows<T>();
        if (rows is null) return matches;
        // Parameters of their own: the outer filter may be combined with others by replacing its parameter.
        var lookedUp = rows.Where(WithOwnParameter(matches)).Select(WithOwnParameter(id)).Skip(0);
        var record = Expression.Parameter(typeof(T), "record");
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)],
            lookedUp.Expression, ReplacingExpressionVisitor.Replace(id.Parameters[0], record, id.Body));
        return Expression.Lambda<Func<T, bool>>(contains, record);
    }

    private static Expression<Func<T, TResult>> WithOwnParameter<TResult>(Expression<Func<T, TResult>> lambda)
    {
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, TResult>>(ReplacingExpressionVisitor.Replace(lambda.Parameters[0], row, lambda.Body), row);
    }
}
