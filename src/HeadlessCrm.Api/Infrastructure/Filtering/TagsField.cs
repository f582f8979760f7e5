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
        var (wanted, any) = Wanted(op, value, path);
        var parameter = QueryParameter.Of(wanted);
        var t = Expression.Parameter(typeof(string), "t");
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(string));
        Expression body = any
            // tags && @wanted
            ? Expression.Call(typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string)),
                tags, Expression.Lambda<Func<string, bool>>(Expression.Call(contains, parameter, t), t))
            // tags @> @wanted
            : Expression.Call(typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.All) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string)),
                parameter, Expression.Lambda<Func<string, bool>>(Expression.Call(contains, tags, t), t));
        return context.FewOrDirect(Expression.Lambda<Func<T, bool>>(body, accessor.Parameters), accessor, any ? "&&" : "@>", wanted);
    }

    public Expression<Func<T, string[]>> Accessor => accessor;

    /// <summary>The normalised keys a condition asks for, and whether any of them (<c>&amp;&amp;</c>) rather than all (<c>@&gt;</c>) must be held.</summary>
    public (string[] Keys, bool Any) Wanted(FilterOperator op, FilterValue value, string path) => op switch
    {
        FilterOperator.Contains or FilterOperator.Eq => ([normalise(FilterValues.Scalar<string>(value, path))], false),
        FilterOperator.ContainsAll => (FilterValues.List<string>(value, path).Select(normalise).ToArray(), false),
        FilterOperator.ContainsAny or FilterOperator.In => (FilterValues.List<string>(value, path).Select(normalise).ToArray(), true),
        _ => throw new InvalidQueryException(path, $"'{name}' supports contains, containsAny and containsAll."),
    };
}
