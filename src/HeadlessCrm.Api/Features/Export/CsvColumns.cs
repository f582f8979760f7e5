using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Infrastructure.Json;

namespace HeadlessCrm.Api.Features.Export;

/// <summary>
/// The columns of a record type's CSV, fixed before the first row: the public shape's members (nested objects as
/// <c>address.city</c>), then one <c>customFields.&lt;key&gt;</c> column per live definition. Lists are joined with
/// "; " (emails and phones by their value).
/// </summary>
public sealed class CsvColumns
{
    private readonly List<string[]> _paths;

    private CsvColumns(List<string[]> paths) => _paths = paths;

    public static CsvColumns For<TDto>(IEnumerable<CustomFieldDefinition> definitions)
    {
        var paths = new List<string[]>();
        foreach (var property in typeof(TDto).GetProperties().Where(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true).Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (property.PropertyType == typeof(JsonObject)) continue; // custom fields: by definition below
            if (IsNested(property.PropertyType))
                paths.AddRange(property.PropertyType.GetProperties().Select(p => new[] { name, JsonNamingPolicy.CamelCase.ConvertName(p.Name) }));
            else paths.Add([name]);
        }
        paths.AddRange(definitions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new[] { CustomFieldColumns.Prefix, d.Key }));
        return new CsvColumns(paths);
    }

    public string Header() => CsvText.Line(_paths.Select(p => CsvText.Field(string.Join('.', p), isText: true)));

    public string Row<TDto>(TDto record)
    {
        var json = JsonSerializer.SerializeToNode(record, CrmJson.Options);
        return CsvText.Line(_paths.Select(path =>
        {
            var node = path.Aggregate(json, (current, segment) => current?[segment]);
            return CsvText.Field(Text(node), node?.GetValueKind() == JsonValueKind.String);
        }));
    }

    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonArray list => string.Join("; ", list.Select(item => item is JsonObject o ? Text(o["value"]) : Text(item))),
        JsonObject o => o.ToJsonString(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
