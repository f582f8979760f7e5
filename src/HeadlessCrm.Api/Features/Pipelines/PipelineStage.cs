using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Pipelines;

public sealed class PipelineStage : TenantEntity
{
    public Guid PipelineId { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    /// <summary>0–1: the share of an open deal's amount the forecast counts.</summary>
    public decimal Probability { get; set; }
    public StageKind Kind { get; set; }
    public DateTime? ArchivedAt { get; set; }
}
