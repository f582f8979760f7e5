using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// A CSV import: what to import into (object, column mapping, upsert key, dry run), who asked (the creator, whose
/// visibility and scopes the rows run with), and how far it has got. Its rows are staged in <c>import_rows</c>.
/// </summary>
public sealed class ImportJob : TenantEntity
{
    public required string Object { get; init; }
    /// <summary>The mapping as sent, in order: a JSON array of <c>{ "column", "field" }</c> (field null: ignored).</summary>
    public required string Columns { get; init; }
    public string? MatchBy { get; init; }
    public bool DryRun { get; init; }
    public string Status { get; set; } = ImportStatus.Pending;
    public string? FileName { get; set; }
    public string[]? Header { get; set; }
    public int RowsTotal { get; set; }
    public int RowsDone { get; set; }
    public int RowsCreated { get; set; }
    public int RowsUpdated { get; set; }
    public int RowsFailed { get; set; }
    public int LastRow { get; set; } = 1;
    public string? Error { get; set; }
    public int Failures { get; set; }
    public required string CreatedBySubject { get; init; }
    public Guid? CreatedByMemberId { get; init; }
    public required string[] Scopes { get; init; }
    public Guid? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>pending (waiting for its file) → queued → running → done; or failed (the job, not a row), or cancelled.</summary>
public static class ImportStatus
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsOpen(string status) => status is Pending or Queued or Running;
}
