using HeadlessCrm.Api.Features.Activities;

namespace HeadlessCrm.Api.Features.Timeline;

/// <summary>
/// One entry of a record's merged timeline, newest first: an activity, or a deal entering a stage. Exactly one of
/// <c>activity</c> and <c>stageChange</c> is set, as <c>kind</c> says.
/// </summary>
public sealed record TimelineEntryDto(string Kind, DateTime At, ActivityDto? Activity, StageChangeDto? StageChange);

public sealed record StageChangeDto(Guid DealId, Guid PipelineId, Guid StageId, DateTime EnteredAt, DateTime? LeftAt);
