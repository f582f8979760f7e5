using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution.DataLoading;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// A Relay connection over one keyset page. <c>totalCount</c> runs its COUNT only when selected: a root list counts
/// with its own query, a nested list through a DataLoader that counts for every parent of the level at once.
/// </summary>
public sealed class Connection<T>
{
    private readonly Func<CancellationToken, Task<int>>? _count;
    private readonly Func<Deferred<int>>? _countLater;

    public Connection(Page<T> page, Func<CancellationToken, Task<int>>? count = null)
    {
        Edges = page.Data.Select((item, i) => new Edge<T>(page, i, item)).ToList();
        HasNextPage = page.NextCursor is not null;
        _count = count;
    }

    public Connection(Page<T> page, Func<Deferred<int>> countLater) : this(page) => _countLater = countLater;

    public IReadOnlyList<Edge<T>> Edges { get; }

    private bool HasNextPage { get; }

    public PageInfo PageInfo => new(HasNextPage, false, Edges.Count > 0 ? Edges[0].Cursor : null, Edges.Count > 0 ? Edges[^1].Cursor : null);

    /// <summary>The count, or a deferred count the executor completes with the level's batch.</summary>
    public async Task<object?> CountAsync(CancellationToken ct) =>
        _countLater is not null ? _countLater() : _count is null ? Edges.Count : await _count(ct);
}

/// <summary>
/// An item of a page with its cursor, encoded (and signed) only when asked for: a page of 50 deals with their contacts
/// and activities has hundreds of edges, and most queries read nodes alone.
/// </summary>
public sealed class Edge<T>(Page<T> page, int index, T node)
{
    private string? _cursor;

    public T Node { get; } = node;

    /// <summary>Lists that only know where the next page starts give that cursor to their last edge.</summary>
    public string Cursor => _cursor ??= page.ItemCursors is { } cursors
        ? cursors[index].Encode()
        : index == page.Data.Count - 1 ? page.NextCursor ?? "" : "";
}

/// <summary>Forward paging only (<c>first</c> / <c>after</c>): <c>hasPreviousPage</c> is always false.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
