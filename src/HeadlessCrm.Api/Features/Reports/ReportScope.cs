namespace HeadlessCrm.Api.Features.Reports;

/// <summary>
/// What a caller narrows a report to, within what they may see anyway: one owner or one team's members, one pipeline,
/// one currency. Null means "no narrowing".
/// </summary>
public sealed record ReportScope(Guid? OwnerId, Guid? TeamId, Guid? PipelineId, string? Currency);
