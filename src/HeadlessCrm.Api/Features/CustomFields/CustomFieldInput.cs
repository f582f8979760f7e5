using System.Text.RegularExpressions;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>A definition as created, and what a merge patch of one is applied to.</summary>
public sealed partial record CustomFieldInput
{
    /// <summary>contacts, companies, deals or activities.</summary>
    public string? Object { get; init; }
    /// <summary>Stable, readable and immutable: a lower-case letter, then letters, digits or '_' (at most 50), like <c>contractEnd</c> or <c>vat_id</c>.</summary>
    public string? Key { get; init; }
    public string? Label { get; init; }
    public CustomFieldType? Type { get; init; }
    /// <summary>Every record created from now on must have a value.</summary>
    public bool Required { get; init; }
    /// <summary>No two records may share a value (text, number, decimal, url, email and phone fields).</summary>
    public bool Unique { get; init; }
    /// <summary>The choices of a single or multi select.</summary>
    public string[]? Options { get; init; }

    public static CustomFieldInput From(CustomFieldDefinition d) => new()
    {
        Object = d.Object,
        Key = d.Key,
        Label = d.Label,
        Type = d.Type,
        Required = d.Required,
        Unique = d.IsUnique,
        Options = d.Options,
    };

    public void Check(RuleCheck check)
    {
        var isSelect = Type is CustomFieldType.SingleSelect or CustomFieldType.MultiSelect;
        var options = Options ?? [];
        check.Must(Object is not null && CustomFieldObjects.ReadScopes.ContainsKey(Object), "object",
                $"One of: {string.Join(", ", CustomFieldObjects.All)}.")
            .Must(Key is not null && KeyPattern().IsMatch(Key), "key",
                "A lower-case letter, then up to 49 letters, digits or underscores (like contractEnd or vat_id).")
            .Must(!string.IsNullOrWhiteSpace(Label) && Label.Trim().Length <= 100, "label", "1 to 100 characters.")
            .Required(Type, "type")
            .Must(isSelect || options.Length == 0, "options", "Only select fields have options.")
            .Must(!isSelect || options.Length is > 0 and <= CustomFieldDefinition.MaxOptions, "options",
                $"A select field needs 1 to {CustomFieldDefinition.MaxOptions} options.")
            .Must(options.All(o => o is { Length: > 0 and <= 100 } && o.Trim() == o), "options", "Each option has 1 to 100 characters, no surrounding spaces.")
            .Must(options.Distinct(StringComparer.Ordinal).Count() == options.Length, "options", "Each option once.")
            .Must(!Unique || Type is CustomFieldType.Text or CustomFieldType.Number or CustomFieldType.Decimal
                or CustomFieldType.Url or CustomFieldType.Email or CustomFieldType.Phone, "unique",
                "Only text, number, decimal, url, email and phone fields can be unique.");
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,49}$")]
    private static partial Regex KeyPattern();
}
