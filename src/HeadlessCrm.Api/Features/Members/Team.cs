using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>A group of members; a manager sees the records its members own.</summary>
public sealed class Team : TenantEntity
{
    public required string Name { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public uint Version { get; set; }
}
