namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// An import as the API shows it. The counts grow as chunks commit; in a dry run, created and updated say what would
/// have been.
/// </summary>
public sealed record ImportJobDto(
    Guid Id,
    string Object,
    string Status,
    bool DryRun,
    IReadOnlyDictionary<string, string?> Columns,
    string? MatchBy,
    string? FileName,
    int RowsTotal,
    int RowsDone,
    int Created,
    int Updated,
    int Failed,
    string? Error,
    Guid? CreatedByMemberId,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt)
{
    public static ImportJobDto From(ImportJob job) => new(
        job.Id, job.Object, job.Status, job.DryRun,
        ImportMapping.Parse(job.Columns).ToDictionary(c => c.Column, c => c.Field),
        job.MatchBy, job.FileName, job.RowsTotal, job.RowsDone, job.RowsCreated, job.RowsUpdated, job.RowsFailed, job.Error,
        job.CreatedByMemberId, job.CreatedAt, job.StartedAt, job.FinishedAt);
}
