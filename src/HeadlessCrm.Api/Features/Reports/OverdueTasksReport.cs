namespace HeadlessCrm.Api.Features.Reports;

public sealed record OverdueTasksDto(DateTime AsOf, ChartDto Chart);

/// <summary>
/// Report 7, overdue tasks per owner, for managers: open tasks due before now, how many each owner has and how many
/// days the oldest is overdue. A manager's report covers their team, a rep's their own tasks.
/// </summary>
public sealed class OverdueTasksReport(ReportSource source)
{
    public static readonly string[] Parameters = ["ownerId", "teamId"];

    private sealed class Row
    {
        public Guid? OwnerId { get; init; }
        public long Overdue { get; init; }
        public DateTime OldestDueAt { get; init; }
    }

    public async Task<OverdueTasksDto> RunAsync(ReportQuery query, CancellationToken ct)
    {
        source.Demand();
        var scope = query.Scope(pipeline: false, currency: false);
        var now = source.Now;
        var sql = new ReportSql();
        var text = $"""
            SELECT a.owner_id AS "OwnerId", count(*) AS "Overdue", min(a.due_at) AS "OldestDueAt"
            FROM activities a
            WHERE {source.Records(sql, "a", scope)} AND a.type = 'task' AND a.completed_at IS NULL AND a.due_at < {sql.Param(now)}
            GROUP BY a.owner_id
            """;
        var rows = (await source.RowsAsync<Row>(sql, text, ct)).ToDictionary(r => r.OwnerId ?? Guid.Empty);
        var owners = (await source.OwnersAsync(rows.Values.Select(r => r.OwnerId), ct))
            .OrderByDescending(o => rows[o.Id ?? Guid.Empty].Overdue).ToList();
        Row Of(SeriesOwner o) => rows[o.Id ?? Guid.Empty];
        return new OverdueTasksDto(now, new ChartDto(
            owners.Select(o => o.Name).ToList(),
            owners.Select(o => o.Id?.ToString()).ToList(),
            [
                new SeriesDto("overdueTasks", Units.Count, null, null, owners.Select(o => (decimal?)Of(o).Overdue).ToList()),
                new SeriesDto("oldestOverdueDays", Units.Days, null, null,
                    owners.Select(o => (decimal?)Math.Round((decimal)(now - Of(o).OldestDueAt).TotalDays, 2)).ToList()),
            ]));
    }
}
