using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Segments;

/// <summary>
/// A saved filter tree over one record type, shared by the workspace. Its members are evaluated when asked, through
/// the record type's visibility, so one segment shows each caller only the records they may see.
/// </summary>
public sealed class Segment : TenantEntity
{
    public const int MaxNameLength = 100;

    public required string Name { get; set; }
    public required string Object { get; set; }
    /// <summary>The filter tree as saved (JSON), parsed and checked against the record type's fields on every save.</summary>
    public required string Filter { get; set; }
}
