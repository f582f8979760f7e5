namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>
/// A per-request, keyed loader: collects keys, loads them in one call per batch and caches each key's value for the
/// rest of the request, so asking twice for the same key costs nothing.
/// </summary>
public abstract class DataLoader<TKey, TResult> : DataLoaderBase
    where TKey : notnull
{
    private readonly Dictionary<TKey, PendingValue<TResult>> _cache = [];
    private readonly List<TKey> _pendingKeys = [];

    /// <summary>The most keys one batch call receives; 0 means no limit. Useful for database parameter limits.</summary>
    public int MaxBatchSize { get; init; }

    public override bool HasPendingKeys => _pendingKeys.Count > 0;

    /// <summary>Asks for a key's value; return it from a resolver so the whole list level shares one batch.</summary>
    public Deferred<TResult> Load(TKey key)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var pending = new PendingValue<TResult>();
        _cache.Add(key, pending);
        _pendingKeys.Add(key);
        Registry?.MarkPending(this);
        return pending;
    }

    /// <summary>Loads a key now, dispatching whatever is pending; use inside async code that needs the value itself.</summary>
    public async Task<TResult> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        var value = Load(key);
        if (!value.IsCompleted)
        {
            if (Registry is null)
            {
                await DispatchAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Registry.DispatchAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return value.Result;
    }

    /// <summary>Seeds the cache with a value already known, e.g. an object just loaded by another query.</summary>
    public void Prime(TKey key, TResult value)
    {
        if (!_cache.ContainsKey(key))
        {
            var pending = new PendingValue<TResult>();
            pending.Complete(value);
            _cache.Add(key, pending);
        }
    }

    /// <summary>Loads the values of a batch of distinct keys; keys missing from the result get <see cref="MissingValue"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TResult>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value of a key the batch did not return: null for single values, an empty list for groups.</summary>
    protected abstract TResult MissingValue { get; }

    internal override async Task DispatchAsync(CancellationToken cancellationToken)
    {
        while (_pendingKeys.Count > 0)
        {
            var size = MaxBatchSize > 0 ? Math.Min(MaxBatchSize, _pendingKeys.Count) : _pendingKeys.Count;
            var batch = _pendingKeys.GetRange(0, size);
            _pendingKeys.RemoveRange(0, size);
            try
            {
                var results = await FetchAsync(batch, cancellationToken).ConfigureAwait(false);
                foreach (var key in batch)
                {
                    _cache[key].Complete(results.TryGetValue(key, out var value) ? value : MissingValue);
                }
            }
            catch (Exception exception)
            {
                foreach (var key in batch)
                {
                    _cache[key].Fail(exception);
                }
            }
        }
    }
}
