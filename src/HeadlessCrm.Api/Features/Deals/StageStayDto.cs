namespace HeadlessCrm.Api.Features.Deals;

/// <summary>One stay of a deal in a stage; <c>leftAt</c> is null for the stage it is in now.</summary>
public sealed record StageStayDto(Guid PipelineId, Guid StageId, DateTime EnteredAt, DateTime? LeftAt);
