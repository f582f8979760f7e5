using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeadlessCrm.Api.Infrastructure.Json;

/// <summary>
/// Timestamps are ISO-8601 with an explicit offset on the way in (a bare local time is ambiguous and refused) and
/// UTC with a trailing Z on the way out.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected an ISO-8601 timestamp string.");
        var text = reader.GetString()!;
        if (!HasOffset(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            throw new JsonException("Expected an ISO-8601 timestamp with an offset, like 2026-05-01T09:30:00Z.");
        return value.UtcDateTime;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture));

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0) return false;
        var time = text.AsSpan(t);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.Contains('+') || time.LastIndexOf('-') > 0;
    }
}
