using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>A page request of any list: filter, sort, page size and where to continue.</summary>
public sealed record ListRequest(FilterNode? Filter, string? Sort, int Limit, string? Cursor, bool Archived)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    private static readonly HashSet<string> PagingParameters = ["limit", "cursor", "sort", "archived"];

    /// <summary>Reads <c>?limit&amp;cursor&amp;sort&amp;archived</c> and the resource's filter parameters; anything else is refused.</summary>
    public static ListRequest FromQuery(IQueryCollection query, IReadOnlyList<ListParameter> parameters)
    {
        var conditions = new List<FilterNode>();
        foreach (var (name, values) in query)
        {
            if (values.Count > 1) throw new InvalidQueryException(name, "Give each parameter once (use commas for several values).");
            if (PagingParameters.Contains(name)) continue;
            var parameter = parameters.FirstOrDefault(p => p.Name == name)
                ?? throw new InvalidQueryException(name, $"Unknown parameter; this list takes: {string.Join(", ", PagingParameters.Concat(parameters.Select(p => p.Name)))}.");
            var text = values.ToString();
            var op = parameter.Op == FilterOperator.Eq && text.Contains(',') ? FilterOperator.In : parameter.Op;
            conditions.Add(new Condition(parameter.Field, op, FilterValue.FromText(text)) { Path = name });
        }
        return new ListRequest(
            conditions.Count switch { 0 => null, 1 => conditions[0], _ => new AndFilter(conditions) { Path = "query" } },
            query["sort"].ToString() is { Length: > 0 } sort ? sort : null,
            ParseLimit(query["limit"].ToString()),
            query["cursor"].ToString() is { Length: > 0 } cursor ? cursor : null,
            ParseBool(query["archived"].ToString(), "archived"));
    }

    public static int ParseLimit(string? text)
    {
        if (string.IsNullOrEmpty(text)) return DefaultLimit;
        return int.TryParse(text, out var limit) ? CheckLimit(limit) : throw LimitError();
    }

    public static int CheckLimit(int limit) => limit is >= 1 and <= MaxLimit ? limit : throw LimitError();

    private static InvalidQueryException LimitError() => new("limit", $"Expected a whole number from 1 to {MaxLimit}.");

    private static bool ParseBool(string text, string name) => text switch
    {
        "" or "false" => false,
        "true" => true,
        _ => throw new InvalidQueryException(name, "Expected true or false."),
    };
}
