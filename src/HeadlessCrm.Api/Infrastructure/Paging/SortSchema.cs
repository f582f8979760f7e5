using System.Linq.Expressions;

namespace HeadlessCrm.Api.Infrastructure.Paging;

/// <summary>The sorts a resource offers (each backed by an index) and its default.</summary>
public sealed class SortSchema<T> where T : class
{
    private readonly Dictionary<string, ISortKey<T>> _keys = new(StringComparer.Ordinal);

    public SortSchema(string defaultSort) => Default = defaultSort;

    /// <summary>Like "-createdAt": a leading minus sorts descending.</summary>
    public string Default { get; }

    public IEnumerable<string> Names => _keys.Keys;

    public SortSchema<T> Key<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _keys[name] = new SortKey<T, TKey>(name, key);
        return this;
    }

    public SortSchema<T> NullableKey<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _keys[name] = new SortKey<T, TKey>(name, key, nullable: true);
        return this;
    }

    public (ISortKey<T> Key, bool Descending) Resolve(string? sort)
    {
        sort = string.IsNullOrWhiteSpace(sort) ? Default : sort.Trim();
        var descending = sort.StartsWith('-');
        var name = descending ? sort[1..] : sort;
        return _keys.TryGetValue(name, out var key)
            ? (key, descending)
            : throw new InvalidQueryException("sort", $"Cannot sort by '{name}'; sort by one of: {string.Join(", ", _keys.Keys)} (prefix '-' for descending).");
    }
}
