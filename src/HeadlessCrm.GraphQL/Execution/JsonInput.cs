using System.Text.Json;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// Turns transport JSON into the plain values input coercion expects: dictionaries, lists, strings, booleans, and
/// numbers as <see cref="long"/> when integral, else <see cref="decimal"/> (exact), else <see cref="double"/>.
/// </summary>
public static class JsonInput
{
    public static object? ToObject(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToObject).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number when element.TryGetDecimal(out var exact) => exact,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static IReadOnlyDictionary<string, object?> ToDictionary(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = ToObject(property.Value);
        }

        return result;
    }
}
