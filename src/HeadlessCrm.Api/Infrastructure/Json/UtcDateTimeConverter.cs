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

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss</c>, the microseconds without their trailing zeros (no dot when there are none), then
    /// <c>Z</c>: what the custom format <c>yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'</c> writes, in UTF-8 straight from the
    /// sortable format's fast path. The general custom formatter was most of a list page's formatting CPU
    /// (docs/performance.md).
    /// </summary>
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        value.TryFormat(text, out var length, "s", CultureInfo.InvariantCulture);
        var micros = (int)(value.Ticks % TimeSpan.TicksPerSecond / 10);
        if (micros > 0)
        {
            var digits = 6;
            for (; micros % 10 == 0; digits--) micros /= 10;
            text[length++] = (byte)'.';
            for (var i = length + digits - 1; i >= length; i--, micros /= 10) text[i] = (byte)('0' + micros % 10);
            length += digits;
        }
        text[length++] = (byte)'Z';
        writer.WriteStringValue(text[..length]);
    }

    private const int MaxLength = 27; // 2026-05-01T09:30:00.123456Z

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0) return false;
        var time = text.AsSpan(t);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.Contains('+') || time.LastIndexOf('-') > 0;
    }
}
