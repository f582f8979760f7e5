using HeadlessCrm.Api.Infrastructure.Background;
using Npgsql;

namespace HeadlessCrm.Api.Features.Reports;

/// <summary>
/// Folds the report summaries' deltas into their daily and monthly totals (<c>crm_compact_report_facts</c>, migration
/// V0014), a batch at a time, at most every <see cref="Interval"/> unless a full batch shows more is waiting. Reports
/// read totals plus deltas, so compaction never changes a figure; it keeps the deltas few, so reports stay fast.
/// The claim skips rows another host holds (FOR UPDATE SKIP LOCKED), so any number of hosts can run it at once.
/// </summary>
public sealed class ReportCompaction(NpgsqlDataSource database, TimeProvider clock) : IBackgroundWork
{
    public const int Batch = 5000;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private DateTimeOffset _nextRun;

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextRun) return false;
        var folded = await CompactAsync(ct);
        if (folded < Batch) _nextRun = now + Interval;
        return folded == Batch;
    }

    /// <summary>Folds one batch now, whatever the interval; returns how many deltas it folded.</summary>
    public async Task<int> CompactAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand("SELECT crm_compact_report_facts(@batch)");
        command.Parameters.AddWithValue("batch", Batch);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }
}
