using System.Linq.Expressions;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>A column-like field: text, number, date, timestamp, uuid or enum.</summary>
internal sealed class ScalarField<T, TValue>(string name, Expression<Func<T, TValue>> accessor) : IFilterField<T>
{
    private static readonly Type Underlying = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
    private static readonly bool IsText = Underlying == typeof(string);
    private static readonly bool IsOrdered = !IsText && Underlying != typeof(Guid) && !Underlying.IsEnum && Underlying != typeof(bool);

    public string Name => name;

    public string Describe() => FilterValues.Describe(typeof(TValue));

    public IReadOnlyCollection<FilterOperator> Operators { get; } =
    [
        FilterOperator.Eq, FilterOperator.Neq, FilterOperator.In, FilterOperator.NotIn, FilterOperator.IsNull,
        .. IsOrdered ? new[] { FilterOperator.Gt, FilterOperator.Gte, FilterOperator.Lt, FilterOperator.Lte } : [],
        .. IsText ? new[] { FilterOperator.Contains, FilterOperator.StartsWith } : [],
    ];

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        if (rest is not null) throw new InvalidQueryException(path, $"'{name}' has no field '{rest}'.");
        if (!Operators.Contains(op))
            throw new InvalidQueryException(path, $"'{name}' does not support '{FilterParser.NameOf(op)}'; use one of: {string.Join(", ", Operators.Select(FilterParser.NameOf))}.");

        var column = accessor.Body;
        Expression body = op switch
        {
            FilterOperator.Eq => Expression.Equal(column, Value(value, path)),
            FilterOperator.Neq => Expression.NotEqual(column, Value(value, path)),
            FilterOperator.Gt => Expression.GreaterThan(column, Value(value, path)),
            FilterOperator.Gte => Expression.GreaterThanOrEqual(column, Value(value, path)),
            FilterOperator.Lt => Expression.LessThan(column, Value(value, path)),
            FilterOperator.Lte => Expression.LessThanOrEqual(column, Value(value, path)),
            FilterOperator.In => InList(column, value, path),
            FilterOperator.NotIn => Expression.Not(InList(column, value, path)),
            FilterOperator.IsNull => FilterValues.Flag(value, path)
                ? Expression.Equal(column, Expression.Constant(null, typeof(TValue)))
                : Expression.NotEqual(column, Expression.Constant(null, typeof(TValue))),
            FilterOperator.Contains => Like(column, "%" + Escape(Text(value, path)) + "%"),
            FilterOperator.StartsWith => Like(column, Escape(Text(value, path)) + "%"),
            _ => throw new InvalidQueryException(path, $"'{name}' does not support '{FilterParser.NameOf(op)}'."),
        };
        return Expression.Lambda<Func<T, bool>>(body, accessor.Parameters);
    }

    private static Expression Value(FilterValue value, string path) =>
        Expression.Convert(QueryParameter.Of(FilterValues.Scalar<TValue>(value, path)), typeof(TValue));

    private static Expression InList(Expression column, FilterValue value, string path)
    {
        var list = FilterValues.List<TValue>(value, path).ToList();
        return Expression.Call(QueryParameter.Of(list), typeof(List<TValue>).GetMethod(nameof(List<TValue>.Contains))!, column);
    }

    private static string Text(FilterValue value, string path)
    {
        var text = FilterValues.Scalar<string>(value, path);
        return text.Length > 0 ? text : throw new InvalidQueryException(path, "Expected a non-empty string.");
    }

    private static Expression Like(Expression column, string pattern) => Expression.Call(
        typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string)])!,
        Expression.Constant(EF.Functions), column, QueryParameter.Of(pattern));

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
