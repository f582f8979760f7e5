using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>A form submission's fields from JSON (an object of scalars) or an HTML form post, within a size limit.</summary>
public static class FormBody
{
    /// <summary>The fields, or null when the body is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length <= maxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        if (length > maxBytes) return null;
        var text = Encoding.UTF8.GetString(buffer, 0, length);
        return request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "application/x-www-form-urlencoded" => FromForm(text),
            "application/json" => FromJson(text),
            _ => throw new RuleViolationException("body", "Send application/json or application/x-www-form-urlencoded."),
        };
    }

    private static Dictionary<string, string> FromForm(string text) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text).ToDictionary(p => p.Key, p => p.Value.ToString());

    private static Dictionary<string, string> FromJson(string text)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new RuleViolationException("body", "Not valid JSON.");
        }
        if (parsed is not JsonObject fields || fields.Any(f => f.Value is JsonObject or JsonArray))
            throw new RuleViolationException("body", "A JSON object of text, number or true/false fields.");
        return fields.ToDictionary(f => f.Key, f => f.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : f.Value?.ToJsonString() ?? "");
    }
}
