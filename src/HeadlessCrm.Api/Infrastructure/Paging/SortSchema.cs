using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Infrastructure.Filtering;

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

    /// <summary>Offers <c>customFields.&lt;key&gt;</c> sorts on the resource's custom fields, typed by their definitions.</summary>
    public SortSchema<T> CustomFields(string objectName, Expression<Func<T, JsonObject>> fields)
    {
        _customFields = (objectName, fields);
        return this;
    }

    private (string Object, Expression<Func<T, JsonObject>> Fields)? _customFields;

    public (ISortKey<T> Key, bool Descending) Resolve(string? sort) => Resolve(sort, FilterContext.Empty);

    public (ISortKey<T> Key, bool Descending) Resolve(string? sort, FilterContext context)
    {
        sort = string.IsNullOrWhiteSpace(sort) ? Default : sort.Trim();
        var descending = sort.StartsWith('-');
        var name = descending ? sort[1..] : sort;
        const string customPrefix = CustomFieldColumns.Prefix + ".";
        if (_customFields is var (objectName, fields) && name.StartsWith(customPrefix, StringComparison.Ordinal))
        {
            var key = name[customPrefix.Length..];
            var type = context.CustomFieldType(objectName, key)
                ?? throw new InvalidQueryException("sort", $"No custom field '{key}' on {objectName}.");
            return (CustomFieldColumns.Sort(name, fields, key, type), descending);
        }
        return _keys.TryGetValue(name, out var found)
            ? (found, descending)
            : throw new InvalidQueryException("sort", $"Cannot sort by '{name}'; sort by one of: {string.Join(", ", _keys.Keys)} (prefix '-' for descending).");
    }
}
