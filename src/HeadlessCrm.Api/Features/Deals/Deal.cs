using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Deals;

/// <summary>A sale in progress: it moves through a pipeline's stages until a won or lost stage closes it.</summary>
public sealed class Deal : TaggedRecord
{
    public required string Title { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public Guid PipelineId { get; private set; }
    public Guid StageId { get; private set; }
    public DateTime StageEnteredAt { get; private set; }
    public DateOnly? ExpectedCloseDate { get; set; }
    public DealStatus Status { get; private set; }
    public string? LostReason { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public Guid? CompanyId { get; set; }
    public Company? Company { get; private set; }
    public PipelineStage? Stage { get; private set; }

    /// <summary>The stays in stages; only the open one (if loaded) is touched by <see cref="MoveTo"/>.</summary>
    public List<DealStageEntry> StageHistory { get; init; } = [];
    public List<DealContact> Contacts { get; init; } = [];

    /// <summary>Puts the deal into its stage of entry, with the same rules as a later move.</summary>
    public void Enter(PipelineStage stage, string? lostReason, DateTime now) => MoveTo(stage, lostReason, now);

    /// <summary>
    /// Moves the deal to a stage (of this or another pipeline): closes the current stay, opens a new one, and sets the
    /// status from the stage's kind; a lost stage needs a reason, a won or lost one stamps <see cref="ClosedAt"/>.
    /// </summary>
    public void MoveTo(PipelineStage stage, string? lostReason, DateTime now)
    {
        if (stage.ArchivedAt is not null)
            throw new RuleViolationException("stageId", "The stage is archived.");
        if (stage.Kind == StageKind.Lost && string.IsNullOrWhiteSpace(lostReason ?? LostReason))
            throw new RuleViolationException("lostReason", "A deal moved to a lost stage needs a lost reason.");

        if (stage.Id != StageId || StageHistory.Count == 0)
        {
            foreach (var open in StageHistory.Where(h => h.LeftAt is null)) open.LeftAt = now;
            StageHistory.Add(new DealStageEntry
            {
                WorkspaceId = WorkspaceId,
                DealId = Id,
                PipelineId = stage.PipelineId,
                StageId = stage.Id,
                EnteredAt = now,
            });
            PipelineId = stage.PipelineId;
            StageId = stage.Id;
            StageEnteredAt = now;
        }

        var status = stage.Kind switch
        {
            StageKind.Won => DealStatus.Won,
            StageKind.Lost => DealStatus.Lost,
            _ => DealStatus.Open,
        };
        if (status != Status || (status != DealStatus.Open && ClosedAt is null))
            ClosedAt = status == DealStatus.Open ? null : now;
        Status = status;
        LostReason = status == DealStatus.Lost ? (lostReason ?? LostReason)?.Trim() : null;
    }
}
