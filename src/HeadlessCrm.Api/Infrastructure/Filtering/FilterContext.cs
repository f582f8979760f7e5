using HeadlessCrm.Api.Features.CustomFields;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// What a filter or sort needs beyond the static schema of a resource: the workspace's custom field types, which give
/// <c>customFields.&lt;key&gt;</c> paths their type.
/// </summary>
public sealed class FilterContext(IEnumerable<CustomFieldDefinition> customFields)
{
    public static readonly FilterContext Empty = new([]);

    private readonly Dictionary<(string Object, string Key), CustomFieldType> _types =
        customFields.ToDictionary(d => (d.Object, d.Key), d => d.Type);

    public CustomFieldType? CustomFieldType(string objectName, string key) =>
        _types.TryGetValue((objectName, key), out var type) ? type : null;

    public IEnumerable<string> CustomFieldKeys(string objectName) =>
        _types.Keys.Where(k => k.Object == objectName).Select(k => k.Key).Order(StringComparer.Ordinal);
}
