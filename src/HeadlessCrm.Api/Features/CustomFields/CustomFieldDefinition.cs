using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// A custom field of one record type. The key and type never change (stored values and filters depend on them);
/// the label, the required flag and the options (only added to) may.
/// </summary>
public sealed class CustomFieldDefinition : TenantEntity
{
    public const int MaxPerObject = 200;
    public const int MaxOptions = 500;

    public required string Object { get; init; }
    public required string Key { get; init; }
    public required string Label { get; set; }
    public CustomFieldType Type { get; init; }
    public bool Required { get; set; }
    /// <summary>No two records of the object (archived ones included) hold the same value.</summary>
    public bool IsUnique { get; init; }
    public string[] Options { get; set; } = [];
    public DateTime? ArchivedAt { get; set; }
}
