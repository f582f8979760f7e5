using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>Collects every broken rule of an input, by field, then throws them together as one 422.</summary>
public sealed class RuleCheck
{
    public const int MaxTags = 50;
    public const int MaxTagLength = 50;
    public const int MaxCustomFieldsBytes = 16 * 1024;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public RuleCheck Must(bool holds, string field, string message)
    {
        if (!holds) Add(field, message);
        return this;
    }

    public RuleCheck Required<T>(T? value, string field)
    {
        if (value is null || value is string s && string.IsNullOrWhiteSpace(s)) Add(field, "Required.");
        return this;
    }

    public RuleCheck Text(string? value, string field, int maxLength) =>
        Must(value is null || value.Length <= maxLength, field, $"At most {maxLength} characters.");

    public RuleCheck Tags(IReadOnlyList<string>? tags, string field = "tags")
    {
        if (tags is null) return this;
        Must(tags.Count <= MaxTags, field, $"At most {MaxTags} tags.");
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i]?.Trim() ?? "";
            Must(tag.Length is > 0 and <= MaxTagLength && !tag.Contains(','), $"{field}[{i}]",
                $"A tag has 1 to {MaxTagLength} characters and no comma.");
        }
        return this;
    }

    public RuleCheck CustomFields(JsonObject? fields, string field = "customFields")
    {
        if (fields is null) return this;
        return Must(fields.ToJsonString().Length <= MaxCustomFieldsBytes, field, $"At most {MaxCustomFieldsBytes} bytes of JSON.");
    }

    public RuleCheck Address(Address? address, string field = "address")
    {
        if (address is null) return this;
        Text(address.Street, $"{field}.street", 300);
        Text(address.City, $"{field}.city", 100);
        Text(address.Region, $"{field}.region", 100);
        Text(address.PostalCode, $"{field}.postalCode", 20);
        Must(address.Country is null || address.Country.Length == 2 && address.Country.All(char.IsAsciiLetterUpper),
            $"{field}.country", "An ISO 3166-1 alpha-2 code in capitals, like DE.");
        Must(address.Latitude is null || address.Latitude is >= -90 and <= 90, $"{field}.latitude", "From -90 to 90.");
        Must(address.Longitude is null || address.Longitude is >= -180 and <= 180, $"{field}.longitude", "From -180 to 180.");
        Must(address.Latitude.HasValue == address.Longitude.HasValue, $"{field}.latitude", "Give latitude and longitude together, or neither.");
        return this;
    }

    public void ThrowIfBroken()
    {
        if (_errors.Count > 0) throw new RuleViolationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Tags as stored: trimmed, lower-cased, each once.</summary>
    public static string[] NormaliseTags(IReadOnlyList<string>? tags) =>
        tags is null ? [] : tags.Select(t => t.Trim().ToLowerInvariant()).Distinct().ToArray();
}
