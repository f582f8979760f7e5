using System.Collections.Concurrent;

namespace HeadlessCrm.GraphQL.Pipeline;

/// <summary>A bounded in-process store; each host learns hashes on its own, which the APQ protocol tolerates by design.</summary>
public sealed class InMemoryPersistedQueryStore(int capacity = 10_000) : IPersistedQueryStore
{
    private readonly ConcurrentDictionary<string, string> _queries = new(StringComparer.Ordinal);

    public ValueTask<string?> GetAsync(string sha256Hash, CancellationToken cancellationToken) =>
        new(_queries.GetValueOrDefault(sha256Hash));

    public ValueTask SetAsync(string sha256Hash, string query, CancellationToken cancellationToken)
    {
        if (_queries.Count >= capacity)
        {
            _queries.Clear();
        }

        _queries[sha256Hash] = query;
        return ValueTask.CompletedTask;
    }
}
