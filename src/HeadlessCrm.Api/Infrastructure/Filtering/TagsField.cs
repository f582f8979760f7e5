using System.Linq.Expressions;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// A text[] of keys (tags, email and phone lookup keys): has one, has any of some, has all of some (GIN-indexed array
/// operators). Values are normalised as the stored keys are.
/// </summary>
internal sealed class TagsField<T>(string name, Expression<Func<T, string[]>> accessor, Func<string, string> normalise) : IFilterField<T>
{
    public string Name => name;

    public string Describe() => "list of keys (contains, containsAny, containsAll)";

    public IReadOnlyCollection<FilterOperator> Operators { get; } =
        [FilterOperator.Contains, FilterOperator.ContainsAny, FilterOperator.ContainsAll];

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        if (rest is not null) throw new InvalidQueryException(path, $"'{name}' has no field '{rest}'.");
        var tags = accessor.Body;
        var wanted = op switch
        {
            FilterOperator.Contains or FilterOperator.Eq => [normalise(FilterValues.Scalar<string>(value, path))],
            FilterOperator.ContainsAny or FilterOperator.ContainsAll or FilterOperator.In =>
                FilterValues.List<string>(value, path).Select(normalise).ToArray(),
            _ => throw new InvalidQueryException(path, $"'{name}' supports contains, containsAny and containsAll."),
        };
        var parameter = QueryParameter.Of(wanted);
        var t = Expression.Parameter(typeof(string), "t");
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(string));
        Expression body = op is FilterOperator.ContainsAny or FilterOperator.In
            // tags && @wanted
            ? Expression.Call(typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string)),
                tags, Expression.Lambda<Func<string, bool>>(Expression.Call(contains, parameter, t), t))
            // tags @> @wanted
            : Expression.Call(typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.All) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string)),
                parameter, Expression.Lambda<Func<string, bool>>(Expression.Call(contains, tags, t), t));
        return Expression.Lambda<Func<T, bool>>(body, accessor.Parameters);
    }
}
