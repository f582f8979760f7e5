using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Deals;

/// <summary>One stay of a deal in a stage; the funnel and cycle-time reports are built from these.</summary>
public sealed class DealStageEntry : TenantEntity
{
    public Guid DealId { get; set; }
    public Guid PipelineId { get; set; }
    public Guid StageId { get; set; }
    public DateTime EnteredAt { get; set; }
    public DateTime? LeftAt { get; set; }
}
