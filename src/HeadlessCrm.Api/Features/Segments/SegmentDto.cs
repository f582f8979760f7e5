using System.Text.Json;

namespace HeadlessCrm.Api.Features.Segments;

public sealed record SegmentDto(Guid Id, string Name, string Object, JsonElement Filter, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SegmentDto From(Segment segment) => new(
        segment.Id, segment.Name, segment.Object, JsonDocument.Parse(segment.Filter).RootElement.Clone(), segment.CreatedAt, segment.UpdatedAt);
}

/// <summary>How many records of the segment the caller can see.</summary>
public sealed record SegmentCount(int Count);
