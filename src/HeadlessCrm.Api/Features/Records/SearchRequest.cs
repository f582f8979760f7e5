using System.Text.Json;
using HeadlessCrm.Api.Infrastructure.Filtering;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// The body of <c>POST /api/v1/&lt;resource&gt;/search</c>: a filter tree (<c>and</c> / <c>or</c> / <c>not</c> over
/// conditions, relation paths allowed), a sort, and paging.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>E.g. <c>{"or": [{"and": [{"field": "status", "value": "open"}, {"field": "amount", "op": "gte", "value": 1000}]}, …]}</c>.</summary>
    public JsonElement? Filter { get; init; }

    /// <summary>A sortable field, prefixed with '-' for descending.</summary>
    public string? Sort { get; init; }

    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    /// <summary>True to search archived records instead of live ones.</summary>
    public bool Archived { get; init; }

    public ListRequest ToListRequest() => new(
        Filter is { ValueKind: not JsonValueKind.Null } filter ? FilterParser.Parse(filter) : null,
        Sort,
        ListRequest.CheckLimit(Limit ?? ListRequest.DefaultLimit),
        Cursor,
        Archived);
}
