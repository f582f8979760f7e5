using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Pipelines;

/// <summary>A sales process: ordered stages a deal moves through.</summary>
public sealed class Pipeline : TenantEntity
{
    public required string Name { get; set; }
    public int Position { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public uint Version { get; set; }
    public List<PipelineStage> Stages { get; init; } = [];
}
