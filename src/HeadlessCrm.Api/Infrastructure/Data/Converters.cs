using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Infrastructure.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>Column mappings shared by the entity configurations.</summary>
internal static class Converters
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An enum stored as its snake_case name (the CHECK constraints list the same names).</summary>
    public static PropertyBuilder<T> AsName<T>(this PropertyBuilder<T> property) where T : struct, Enum =>
        property.HasConversion(v => EnumNames<T>.Name(v), v => EnumNames<T>.Parse(v));

    public static PropertyBuilder<T?> AsName<T>(this PropertyBuilder<T?> property) where T : struct, Enum =>
        property.HasConversion(
            v => v.HasValue ? EnumNames<T>.Name(v.Value) : null,
            v => v == null ? null : EnumNames<T>.Parse(v));

    /// <summary>A value kept as a jsonb document, compared by its JSON.</summary>
    public static PropertyBuilder<T> AsJsonb<T>(this PropertyBuilder<T> property) where T : class? =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<T>(v, Json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!));

    /// <summary>
    /// Text arrays (tags, email and phone keys) compared element by element. EF's own comparer for them builds a delegate
    /// each time it snapshots or compares one (a lambda nested in its expression), which a bulk save pays per record.
    /// </summary>
    public static readonly ValueComparer<string[]> TextArrays = new(
        (a, b) => a == b || a != null && b != null && a.SequenceEqual(b),
        v => TextArrayHash(v),
        v => v.ToArray());

    private static int TextArrayHash(string[] values)
    {
        var hash = new HashCode();
        foreach (var value in values) hash.Add(value);
        return hash.ToHashCode();
    }

    public static PropertyBuilder<JsonObject> AsJsonb(this PropertyBuilder<JsonObject> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => v.ToJsonString(Json),
            v => JsonNode.Parse(v, null, default)!.AsObject(),
            new ValueComparer<JsonObject>(
                (a, b) => JsonNode.DeepEquals(a, b),
                v => v.ToJsonString(Json).GetHashCode(),
                v => JsonNode.Parse(v.ToJsonString(Json), null, default)!.AsObject()));
}
