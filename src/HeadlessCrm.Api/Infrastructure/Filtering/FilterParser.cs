using System.Text.Json;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>Reads a filter tree from JSON, refusing anything it does not understand with the path of the offending part.</summary>
public static class FilterParser
{
    public const int MaxDepth = 8;
    public const int MaxConditions = 100;

    public static FilterNode Parse(JsonElement json, string path = "filter")
    {
        var conditions = 0;
        return Node(json, path, 0, ref conditions);
    }

    private static FilterNode Node(JsonElement json, string path, int depth, ref int conditions)
    {
        if (depth > MaxDepth) throw new InvalidQueryException(path, $"Filters may nest at most {MaxDepth} levels.");
        if (json.ValueKind != JsonValueKind.Object)
            throw new InvalidQueryException(path, "A filter is an object: {\"and\": [...]}, {\"or\": [...]}, {\"not\": {...}} or {\"field\", \"op\", \"value\"}.");

        var properties = json.EnumerateObject().ToList();
        if (properties.Count == 1 && properties[0].Name is "and" or "or")
        {
            var list = properties[0].Value;
            var listPath = $"{path}.{properties[0].Name}";
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                throw new InvalidQueryException(listPath, "Expected a non-empty array of filters.");
            var items = new List<FilterNode>();
            var i = 0;
            foreach (var item in list.EnumerateArray()) items.Add(Node(item, $"{listPath}[{i++}]", depth + 1, ref conditions));
            return properties[0].Name == "and" ? new AndFilter(items) { Path = path } : new OrFilter(items) { Path = path };
        }
        if (properties.Count == 1 && properties[0].Name == "not")
            return new NotFilter(Node(properties[0].Value, path + ".not", depth + 1, ref conditions)) { Path = path };

        if (++conditions > MaxConditions) throw new InvalidQueryException(path, $"A filter may hold at most {MaxConditions} conditions.");
        return Leaf(json, path);
    }

    private static Condition Leaf(JsonElement json, string path)
    {
        string? field = null;
        var op = FilterOperator.Eq;
        JsonElement? value = null;
        foreach (var property in json.EnumerateObject())
        {
            switch (property.Name)
            {
                case "field" when property.Value.ValueKind == JsonValueKind.String:
                    field = property.Value.GetString();
                    break;
                case "op" when property.Value.ValueKind == JsonValueKind.String:
                    op = ParseOperator(property.Value.GetString()!, path + ".op");
                    break;
                case "value":
                    value = property.Value.Clone();
                    break;
                case "field" or "op":
                    throw new InvalidQueryException($"{path}.{property.Name}", "Expected a string.");
                default:
                    throw new InvalidQueryException($"{path}.{property.Name}", "Unknown member; a condition has field, op and value (or use and, or, not).");
            }
        }
        if (string.IsNullOrEmpty(field)) throw new InvalidQueryException(path + ".field", "A condition needs the field it tests.");
        if (value is null) throw new InvalidQueryException(path + ".value", "A condition needs a value.");
        return new Condition(field, op, FilterValue.FromJson(value.Value)) { Path = path };
    }

    public static FilterOperator ParseOperator(string text, string path) =>
        OperatorNames.TryGetValue(text, out var op)
            ? op
            : throw new InvalidQueryException(path, $"Unknown operator '{text}'; use one of: {string.Join(", ", OperatorNames.Keys)}.");

    public static string NameOf(FilterOperator op) => OperatorNames.First(p => p.Value == op).Key;

    private static readonly Dictionary<string, FilterOperator> OperatorNames =
        Enum.GetValues<FilterOperator>().ToDictionary(o => JsonNamingPolicy.CamelCase.ConvertName(o.ToString()), o => o, StringComparer.Ordinal);
}
