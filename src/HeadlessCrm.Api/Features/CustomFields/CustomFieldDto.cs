namespace HeadlessCrm.Api.Features.CustomFields;

public sealed record CustomFieldDto(
    Guid Id,
    string Object,
    string Key,
    string Label,
    CustomFieldType Type,
    bool Required,
    bool Unique,
    string[] Options,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ArchivedAt);
