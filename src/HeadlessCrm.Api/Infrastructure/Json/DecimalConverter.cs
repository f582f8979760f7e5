using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeadlessCrm.Api.Infrastructure.Json;

/// <summary>Writes decimals without the trailing zeros of their column's scale (48000, not 48000.0000); reads strictly.</summary>
public sealed class DecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDecimal() : throw new JsonException("Expected a number.");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
}
