using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.CustomFields;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>How a CSV cell becomes a JSON value of the record.</summary>
public enum ImportFieldKind
{
    /// <summary>A JSON string (dates, enums and ids too: the record's own reader checks them).</summary>
    Text,
    /// <summary>A JSON number when the cell is one (else the text, which the record's checks refuse by name).</summary>
    Number,
    /// <summary>true/false (also yes/no, 1/0).</summary>
    Boolean,
    /// <summary>An array of strings: the cell split on ";" (tags, contactIds, multi-select options).</summary>
    List,
    /// <summary>An array of <c>{ "value" }</c> objects: the cell split on ";" (emails, phones).</summary>
    ValueList,
}

/// <summary>A field a column can be mapped to: its path in the record (<c>address.city</c>, <c>customFields.tier</c>) and kind.</summary>
public sealed record ImportField(string Path, ImportFieldKind Kind)
{
    /// <summary>Several columns may fill a list (a work and a home email); a value is one column's.</summary>
    public bool IsList => Kind is ImportFieldKind.List or ImportFieldKind.ValueList;
}

/// <summary>
/// The fields of a record type's input, read from the input type itself (so a new field is importable the day it is
/// added), plus one <c>customFields.&lt;key&gt;</c> per live custom field definition.
/// </summary>
public static class ImportFields
{
    public static IReadOnlyDictionary<string, ImportField> Of(Type inputType, IEnumerable<CustomFieldDefinition> definitions)
    {
        var fields = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var property in inputType.GetProperties())
        {
            if (property.PropertyType == typeof(JsonObject)) continue; // custom fields: by definition below
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsClass && type != typeof(string) && !type.IsArray)
            {
                foreach (var inner in type.GetProperties())
                    Add(fields, $"{name}.{JsonNamingPolicy.CamelCase.ConvertName(inner.Name)}", KindOf(Nullable.GetUnderlyingType(inner.PropertyType) ?? inner.PropertyType));
                continue;
            }
            Add(fields, name, KindOf(type));
        }
        foreach (var definition in definitions)
            Add(fields, $"{CustomFieldColumns.Prefix}.{definition.Key}", definition.Type switch
            {
                CustomFieldType.Number or CustomFieldType.Decimal => ImportFieldKind.Number,
                CustomFieldType.Boolean => ImportFieldKind.Boolean,
                CustomFieldType.MultiSelect => ImportFieldKind.List,
                _ => ImportFieldKind.Text,
            });
        return fields;
    }

    private static void Add(Dictionary<string, ImportField> fields, string path, ImportFieldKind kind) => fields[path] = new ImportField(path, kind);

    private static ImportFieldKind KindOf(Type type)
    {
        if (type.IsArray)
        {
            var item = type.GetElementType()!;
            return item.IsClass && item != typeof(string) && item.GetProperty("Value") is not null ? ImportFieldKind.ValueList : ImportFieldKind.List;
        }
        if (type == typeof(bool)) return ImportFieldKind.Boolean;
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double)) return ImportFieldKind.Number;
        return ImportFieldKind.Text;
    }
}
