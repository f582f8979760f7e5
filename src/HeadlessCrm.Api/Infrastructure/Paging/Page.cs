using System.Text.Json.Serialization;

namespace HeadlessCrm.Api.Infrastructure.Paging;

/// <summary>One page of a list: the items and the cursor of the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextCursor)
{
    /// <summary>
    /// Where each item sits in the sort (not encoded until asked), for GraphQL edges; REST only sends
    /// <see cref="NextCursor"/>, which is the last item's.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Cursor>? ItemCursors { get; init; }
}
