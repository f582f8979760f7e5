using System.Collections.Concurrent;

namespace HeadlessCrm.GraphQL.Pipeline;

/// <summary>
/// Parsed-and-validated documents by their text, so a query sent again skips the parser and the validator. Bounded:
/// when full it starts over, which keeps hot documents cheap without tracking recency on every hit.
/// </summary>
public sealed class DocumentCache(int capacity)
{
    private readonly ConcurrentDictionary<string, PreparedDocument> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public PreparedDocument GetOrAdd(string query, Func<string, PreparedDocument> prepare)
    {
        if (_entries.TryGetValue(query, out var cached))
        {
            return cached;
        }

        var prepared = prepare(query);
        if (capacity > 0)
        {
            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }

            _entries[query] = prepared;
        }

        return prepared;
    }
}
