using System.Text.Json;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// A boolean filter tree: <c>and</c>, <c>or</c>, <c>not</c> over conditions on fields, where a field may be a path
/// through relations (<c>company.kind</c>, <c>contacts.source</c>). REST list parameters, <c>POST …/search</c> and
/// GraphQL's <c>filter</c> argument all become this tree and are compiled by the same <see cref="FilterSchema{T}"/>.
/// </summary>
public abstract record FilterNode
{
    /// <summary>Where the node came from (e.g. <c>filter.or[1].field</c>), so errors point at it.</summary>
    public required string Path { get; init; }
}

public sealed record AndFilter(IReadOnlyList<FilterNode> Items) : FilterNode;

public sealed record OrFilter(IReadOnlyList<FilterNode> Items) : FilterNode;

public sealed record NotFilter(FilterNode Item) : FilterNode;

/// <summary>A test of one field: <c>{ "field": "amount", "op": "gte", "value": 1000 }</c>.</summary>
public sealed record Condition(string Field, FilterOperator Op, FilterValue Value) : FilterNode;

/// <summary>A condition's operand as it arrived: JSON from a body, or text from a query string.</summary>
public readonly record struct FilterValue(JsonElement? Json, string? Text)
{
    public static FilterValue FromJson(JsonElement json) => new(json, null);

    public static FilterValue FromText(string text) => new(null, text);

    public bool IsNull => Text is null && (Json is null || Json.Value.ValueKind == JsonValueKind.Null);
}
