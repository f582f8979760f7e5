using System.Globalization;
using System.Text.Json;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>Turns a condition's operand into the field's CLR type, with one error message per type.</summary>
public static class FilterValues
{
    public const int MaxListLength = 500;

    public static TValue Scalar<TValue>(FilterValue value, string path)
    {
        var type = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        if (value.Json is { } json)
        {
            if (json.ValueKind == JsonValueKind.Null)
                throw new InvalidQueryException(path, "Use the isNull operator to test for a missing value.");
            if (json.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False && IsNumberOrBool(type))
                return (TValue)FromJsonPrimitive(json, type, path);
            if (json.ValueKind != JsonValueKind.String)
                throw new InvalidQueryException(path, $"Expected {Describe(type)}.");
            return (TValue)FromText(json.GetString()!, type, path);
        }
        return (TValue)FromText(value.Text!, type, path);
    }

    /// <summary>A JSON array, or comma-separated text from a query string.</summary>
    public static IReadOnlyList<TValue> List<TValue>(FilterValue value, string path)
    {
        List<FilterValue> items;
        if (value.Json is { } json)
        {
            if (json.ValueKind != JsonValueKind.Array) throw new InvalidQueryException(path, "Expected an array.");
            items = json.EnumerateArray().Select(FilterValue.FromJson).ToList();
        }
        else
        {
            items = value.Text!.Split(',', StringSplitOptions.TrimEntries).Select(FilterValue.FromText).ToList();
        }
        if (items.Count is 0 or > MaxListLength) throw new InvalidQueryException(path, $"Expected 1 to {MaxListLength} values.");
        return items.Select((item, i) => Scalar<TValue>(item, $"{path}[{i}]")).ToList();
    }

    public static bool Flag(FilterValue value, string path) => Scalar<bool>(value, path);

    private static bool IsNumberOrBool(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) || type == typeof(bool);

    private static object FromJsonPrimitive(JsonElement json, Type type, string path)
    {
        try
        {
            if (type == typeof(bool)) return json.GetBoolean();
            if (type == typeof(int)) return json.GetInt32();
            if (type == typeof(long)) return json.GetInt64();
            if (type == typeof(decimal)) return json.GetDecimal();
            if (type == typeof(double)) return json.GetDouble();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
        }
        throw new InvalidQueryException(path, $"Expected {Describe(type)}.");
    }

    private static object FromText(string text, Type type, string path)
    {
        object? parsed = null;
        if (type == typeof(string)) parsed = text;
        else if (type == typeof(Guid) && Guid.TryParse(text, out var guid)) parsed = guid;
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) parsed = i;
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) parsed = l;
        else if (type == typeof(decimal) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) parsed = d;
        else if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var db)) parsed = db;
        else if (type == typeof(bool) && bool.TryParse(text, out var b)) parsed = b;
        else if (type == typeof(DateOnly) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) parsed = date;
        else if (type == typeof(DateTime) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) parsed = at.UtcDateTime;
        else if (type.IsEnum) parsed = ParseEnum(text, type);
        return parsed ?? throw new InvalidQueryException(path, $"Expected {Describe(type)}.");
    }

    private static object? ParseEnum(string text, Type type) =>
        typeof(FilterValues).GetMethod(nameof(EnumValue), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [text]);

    private static object? EnumValue<TEnum>(string text) where TEnum : struct, Enum =>
        EnumNames<TEnum>.TryParse(text, out var value) ? value : null;

    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(Guid)) return "a UUID";
        if (type == typeof(DateOnly)) return "a date (YYYY-MM-DD)";
        if (type == typeof(DateTime)) return "an ISO-8601 timestamp";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a string";
        if (type.IsEnum)
            return "one of: " + string.Join(", ", (IEnumerable<string>)typeof(EnumNames<>).MakeGenericType(type).GetProperty("All")!.GetValue(null)!);
        return "a number";
    }
}
