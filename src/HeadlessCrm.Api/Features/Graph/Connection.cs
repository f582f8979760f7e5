using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>A Relay connection over one keyset page; <c>totalCount</c> runs its COUNT only when selected.</summary>
public sealed class Connection<T>(Page<T> page, Func<CancellationToken, Task<int>>? count = null)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = page.Data
        .Select((item, i) => new Edge<T>(CursorOf(page, i), item))
        .ToList();

    public PageInfo PageInfo => new(page.NextCursor is not null, false, Edges.Count > 0 ? Edges[0].Cursor : null, Edges.Count > 0 ? Edges[^1].Cursor : null);

    /// <summary>Lists that only know where the next page starts (the timeline) give that cursor to their last edge.</summary>
    private static string CursorOf(Page<T> page, int index) =>
        page.ItemCursors is { } cursors ? cursors[index].Encode() : index == page.Data.Count - 1 ? page.NextCursor ?? "" : "";

    public Task<int> CountAsync(CancellationToken ct) => count is null ? Task.FromResult(Edges.Count) : count(ct);
}

public sealed record Edge<T>(string Cursor, T Node);

/// <summary>Forward paging only (<c>first</c> / <c>after</c>): <c>hasPreviousPage</c> is always false.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
