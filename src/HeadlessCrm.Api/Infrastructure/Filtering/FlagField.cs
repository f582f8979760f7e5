using System.Linq.Expressions;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>A yes/no fact computed when the filter is built (a task is overdue, a record is archived).</summary>
internal sealed class FlagField<T>(string name, Func<FilterContext, Expression<Func<T, bool>>> predicate) : IFilterField<T>
{
    public string Name => name;

    public string Describe() => "true or false";

    public IReadOnlyCollection<FilterOperator> Operators { get; } = [FilterOperator.Eq];

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        if (rest is not null) throw new InvalidQueryException(path, $"'{name}' has no field '{rest}'.");
        if (op != FilterOperator.Eq) throw new InvalidQueryException(path, $"'{name}' supports only eq.");
        var holds = predicate(context);
        return FilterValues.Flag(value, path) ? holds : Expression.Lambda<Func<T, bool>>(Expression.Not(holds.Body), holds.Parameters);
    }
}
