using System.Text.Json;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Segments;

/// <summary>A segment to save: its name, the record type it selects from and the filter tree (as <c>/search</c> takes).</summary>
public sealed record SegmentInput
{
    public string? Name { get; init; }
    /// <summary>contacts, companies or deals.</summary>
    public string? Object { get; init; }
    /// <summary>E.g. <c>{"and": [{"field": "lifecycleStage", "value": "customer"}, {"field": "tags", "op": "contains", "value": "vip"}]}</c>.</summary>
    public JsonElement? Filter { get; init; }

    public void Check(RuleCheck check)
    {
        check.Required(Name, "name")
            .Must(Name is null || Name.Trim().Length <= Segment.MaxNameLength, "name", $"At most {Segment.MaxNameLength} characters.")
            .Required(Object, "object")
            .Must(Object is null || SegmentObjects.ByName.ContainsKey(Object), "object", $"One of: {string.Join(", ", SegmentObjects.ByName.Keys)}.")
            .Must(Filter is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined }, "filter", "Required.");
    }

    public static SegmentInput From(Segment segment) => new()
    {
        Name = segment.Name,
        Object = segment.Object,
        Filter = JsonDocument.Parse(segment.Filter).RootElement.Clone(),
    };
}
