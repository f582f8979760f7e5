using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// Checks a record's custom field values against the definitions and returns them as stored: dates as YYYY-MM-DD,
/// timestamps in UTC, emails in lower case. A create checks every value; an update only the values it changes, so a
/// record never becomes unwritable because of a value it already holds. A key without a definition, a value of the
/// wrong type or an option not offered is malformed input (400); a missing required value breaks a rule (422).
/// </summary>
public static class CustomFieldValues
{
    public const int MaxTextLength = 2000;

    public sealed record Checked(JsonObject Values, IReadOnlyList<(string Key, JsonNode Value)> UniqueValues);

    public static Checked Check(IReadOnlyList<CustomFieldDefinition> definitions, JsonObject? wanted, JsonObject? stored, RuleCheck rules)
    {
        var byKey = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var result = new JsonObject();
        var unique = new List<(string, JsonNode)>();
        foreach (var (key, value) in wanted ?? [])
        {
            var previous = stored?[key];
            if (stored is not null && JsonNode.DeepEquals(value, previous))
            {
                if (value is not null) result[key] = value.DeepClone();
                continue;
            }
            var field = $"{CustomFieldColumns.Prefix}.{key}";
            if (!byKey.TryGetValue(key, out var definition))
                throw new InvalidQueryException(field, $"Unknown custom field; define it under /api/v1/custom-fields first{Known(byKey.Keys)}.");
            if (value is null) continue;
            var normalised = Normalise(definition, value, field);
            result[key] = normalised;
            if (definition.IsUnique && !JsonNode.DeepEquals(normalised, previous)) unique.Add((key, normalised.DeepClone()));
        }
        if (stored is null)
        {
            foreach (var definition in definitions.Where(d => d.Required && !result.ContainsKey(d.Key)))
                rules.Must(false, $"{CustomFieldColumns.Prefix}.{definition.Key}", "Required.");
        }
        return new Checked(result, unique);
    }

    private static string Known(IEnumerable<string> keys)
    {
        var list = keys.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "" : $" (defined: {string.Join(", ", list)})";
    }

    private static JsonNode Normalise(CustomFieldDefinition definition, JsonNode value, string field)
    {
        var kind = value.GetValueKind();
        JsonNode? result = definition.Type switch
        {
            CustomFieldType.Text when kind == JsonValueKind.String && value.GetValue<string>().Length <= MaxTextLength => value.GetValue<string>(),
            CustomFieldType.Number when kind == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out var whole) => whole,
            CustomFieldType.Number when kind == JsonValueKind.Number && Decimal(value) is { } d && d == decimal.Truncate(d) => d,
            CustomFieldType.Decimal when kind == JsonValueKind.Number && Decimal(value) is { } d => d,
            CustomFieldType.Boolean when kind is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            CustomFieldType.Date when Text(value) is { } text
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CustomFieldType.Datetime when Text(value) is { } text && text.Contains('T')
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            CustomFieldType.SingleSelect when Text(value) is { } option && definition.Options.Contains(option) => option,
            CustomFieldType.MultiSelect when kind == JsonValueKind.Array => Options(definition, value.AsArray()),
            CustomFieldType.Url when Text(value) is { Length: <= MaxTextLength } text
                && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" => text.Trim(),
            CustomFieldType.Email when Text(value) is { Length: <= 254 } text
                && MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim() && address.Host.Contains('.')
                => text.Trim().ToLowerInvariant(),
            CustomFieldType.Phone when Text(value) is { Length: <= 50 } text && text.Count(char.IsAsciiDigit) is >= 3 and <= 15 => text.Trim(),
            _ => null,
        };
        return result ?? throw new InvalidQueryException(field, Expected(definition));
    }

    private static JsonArray? Options(CustomFieldDefinition definition, JsonArray items)
    {
        var options = items.Select(Text).ToList();
        if (options.Any(o => o is null || !definition.Options.Contains(o)) || options.Distinct().Count() != options.Count) return null;
        return new JsonArray(options.Select(o => (JsonNode)JsonValue.Create(o!)).ToArray());
    }

    private static string? Text(JsonNode? value) => value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static decimal? Decimal(JsonNode value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string Expected(CustomFieldDefinition definition) => definition.Type switch
    {
        CustomFieldType.Text => $"A string of at most {MaxTextLength} characters.",
        CustomFieldType.Number => "A whole number.",
        CustomFieldType.Decimal => "A number.",
        CustomFieldType.Boolean => "true or false.",
        CustomFieldType.Date => "A date (YYYY-MM-DD).",
        CustomFieldType.Datetime => "An ISO-8601 timestamp, like 2026-03-01T09:30:00Z.",
        CustomFieldType.SingleSelect => $"One of: {string.Join(", ", definition.Options)}.",
        CustomFieldType.MultiSelect => $"An array of distinct options from: {string.Join(", ", definition.Options)}.",
        CustomFieldType.Url => "An absolute http or https URL.",
        CustomFieldType.Email => "An email address like name@example.com.",
        CustomFieldType.Phone => "A phone number of 3 to 15 digits.",
        _ => $"A {EnumNames<CustomFieldType>.Name(definition.Type)} value.",
    };
}
