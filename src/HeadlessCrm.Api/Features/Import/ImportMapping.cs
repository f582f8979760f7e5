using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>One column of the mapping: a header of the file and the field it fills (null: the column is left out).</summary>
public sealed record ImportColumn(string Column, string? Field);

/// <summary>
/// The column mapping of a job: checked against the record type's fields when the job is created, bound to the file's
/// header when it is uploaded, and then used to turn each row into the JSON record the record type's create and
/// update take.
/// </summary>
public sealed class ImportMapping
{
    private readonly ImportField?[] _byIndex;
    private readonly string[] _header;

    private ImportMapping(string[] header, ImportField?[] byIndex)
    {
        _header = header;
        _byIndex = byIndex;
    }

    /// <summary>
    /// Unknown fields and a field filled by two columns (unless it is a list) are 400s naming the column. Errors are keyed
    /// <c>columns</c> with the column in the message: a problem's error keys are camel-cased by ASP.NET Core, which would
    /// change a header's spelling.
    /// </summary>
    public static void Check(IReadOnlyList<ImportColumn> columns, IReadOnlyDictionary<string, ImportField> fields, string objectName)
    {
        if (columns.Count == 0) throw new InvalidQueryException("columns", "Map at least one column of the file to a field.");
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, field) in columns)
        {
            if (column.Trim().Length == 0) throw new InvalidQueryException("columns", "A column's header cannot be empty.");
            if (field is null) continue;
            if (!fields.TryGetValue(field, out var known))
                throw new InvalidQueryException("columns",
                    $"Column '{column}': '{field}' is not a field of {objectName}; one of: {string.Join(", ", fields.Keys.Order(StringComparer.Ordinal))}.");
            if (!known.IsList && taken.TryGetValue(field, out var other))
                throw new InvalidQueryException("columns", $"Column '{column}': '{field}' is already filled by the column '{other}'; map one column to it.");
            taken.TryAdd(field, column);
        }
    }

    /// <summary>The mapping for a file with this header row; every header must be mapped and every mapped column present.</summary>
    public static ImportMapping Bind(IReadOnlyList<ImportColumn> columns, IReadOnlyList<string> header, IReadOnlyDictionary<string, ImportField> fields)
    {
        var names = header.Select(h => h.Trim()).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidQueryException("file", $"The header row has two columns named '{duplicate.Key}'.");
        var byColumn = columns.ToDictionary(c => c.Column.Trim(), c => c.Field, StringComparer.Ordinal);
        var byIndex = new ImportField?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (!byColumn.TryGetValue(names[i], out var field))
                throw new InvalidQueryException("columns",
                    $"Column '{names[i]}' of the file is not in the mapping; map it to a field, or to null to leave it out.");
            byIndex[i] = field is null ? null : fields.TryGetValue(field, out var known) ? known
                : throw new InvalidQueryException("columns", $"Column '{names[i]}': '{field}' is no longer a field (was its custom field deleted?).");
        }
        var missing = byColumn.Keys.FirstOrDefault(c => !names.Contains(c, StringComparer.Ordinal));
        if (missing is not null)
            throw new InvalidQueryException("columns", $"Column '{missing}' is mapped but is not in the file; its header row has: {string.Join(", ", names)}.");
        return new ImportMapping(names, byIndex);
    }

    public int ColumnCount => _header.Length;

    /// <summary>The record a row makes, and which column each part came from (<c>emails[1]</c> → "Home email").</summary>
    public (JsonObject Record, List<(string Path, string Column)> Sources) Record(IReadOnlyList<string> cells)
    {
        var record = new JsonObject();
        var sources = new List<(string, string)>();
        for (var i = 0; i < _byIndex.Length && i < cells.Count; i++)
        {
            var field = _byIndex[i];
            var cell = cells[i].Trim();
            if (field is null || cell.Length == 0) continue;
            var (parent, name) = Parent(record, field.Path);
            if (field.IsList)
            {
                if (parent[name] is not JsonArray list) parent[name] = list = [];
                foreach (var item in cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    sources.Add(($"{field.Path}[{list.Count}]", _header[i]));
                    list.Add(field.Kind == ImportFieldKind.ValueList ? new JsonObject { ["value"] = item } : JsonValue.Create(item));
                }
                continue;
            }
            parent[name] = Value(field.Kind, cell);
            sources.Add((field.Path, _header[i]));
        }
        return (record, sources);
    }

    /// <summary>The column an error's field came from: the longest source path the field starts with.</summary>
    public static string ColumnOf(string field, IEnumerable<(string Path, string Column)> sources) => sources
        .Where(s => field == s.Path || field.StartsWith(s.Path + ".", StringComparison.Ordinal) || field.StartsWith(s.Path + "[", StringComparison.Ordinal))
        .OrderByDescending(s => s.Path.Length).Select(s => s.Column).FirstOrDefault() ?? "";

    private static (JsonObject Parent, string Name) Parent(JsonObject record, string path)
    {
        var dot = path.IndexOf('.');
        if (dot < 0) return (record, path);
        var head = path[..dot];
        if (record[head] is not JsonObject inner) record[head] = inner = [];
        return (inner, path[(dot + 1)..]);
    }

    private static JsonNode? Value(ImportFieldKind kind, string cell) => kind switch
    {
        ImportFieldKind.Number when decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        ImportFieldKind.Boolean when Truth(cell) is { } truth => JsonValue.Create(truth),
        _ => JsonValue.Create(Defused(cell)),
    };

    private static bool? Truth(string cell) => cell.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => null,
    };

    /// <summary>Our export writes <c>'=…</c> for text a spreadsheet would run as a formula; the import takes the text back.</summary>
    private static string Defused(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    /// <summary>The stored mapping (a JSON array of <c>{ column, field }</c>, in the order sent).</summary>
    public static IReadOnlyList<ImportColumn> Parse(string stored) =>
        JsonSerializer.Deserialize<List<ImportColumn>>(stored, JsonSerializerOptions.Web) ?? [];

    public static string Serialize(IReadOnlyList<ImportColumn> columns) => JsonSerializer.Serialize(columns, JsonSerializerOptions.Web);
}
