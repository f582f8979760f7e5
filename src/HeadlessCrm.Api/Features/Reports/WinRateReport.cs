using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reports;

public sealed record WinRateDto(DateOnly From, DateOnly To, ReportInterval Interval, string? Currency, ChartDto ByPeriod, ChartDto StageDurations);

/// <summary>
/// Report 3, win rate and sales cycle, over the deals closed (won or lost) in the period, by period of closing: won,
/// lost, win rate = won / (won + lost), and the median and average days from creation to close of the won deals —
/// for everyone the caller covers and for each owner. Beside it, the average days those closed deals spent in each
/// stage they left.
/// </summary>
public sealed class WinRateReport(ReportSource source)
{
    public static readonly string[] Parameters = ["pipelineId", "ownerId", "teamId", "from", "to", "interval", "currency"];

    private sealed class Row
    {
        public DateOnly Period { get; init; }
        public Guid? OwnerId { get; init; }
        public bool Everyone { get; init; }
        public long Won { get; init; }
        public long Lost { get; init; }
        public decimal? MedianDays { get; init; }
        public decimal? AverageDays { get; init; }
    }

    private sealed class StageRow
    {
        public Guid StageId { get; init; }
        public long Stays { get; init; }
        public decimal AverageDays { get; init; }
    }

    public async Task<WinRateDto> RunAsync(ReportQuery query, CancellationToken ct)
    {
        source.Demand();
        var scope = query.Scope();
        var period = query.Period(source.Today);
        var byPeriod = await ByPeriodAsync(scope, period, ct);
        var stages = await StageDurationsAsync(scope, period, ct);
        return new WinRateDto(period.From, period.To, period.Interval, scope.Currency, byPeriod, stages);
    }

    private async Task<ChartDto> ByPeriodAsync(ReportScope scope, ReportPeriod period, CancellationToken ct)
    {
        var sql = new ReportSql();
        var text = $"""
            SELECT period AS "Period", owner_id AS "OwnerId", GROUPING(owner_id) = 1 AS "Everyone",
                   count(*) FILTER (WHERE status = 'won') AS "Won", count(*) FILTER (WHERE status = 'lost') AS "Lost",
                   round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE status = 'won'))::numeric, 2) AS "MedianDays",
                   round((avg(days) FILTER (WHERE status = 'won'))::numeric, 2) AS "AverageDays"
            FROM (
                SELECT {ReportSource.BucketOfTime(sql, period, "d.closed_at")} AS period, d.owner_id, d.status,
                       extract(epoch FROM d.closed_at - d.created_at)::float8 / 86400 AS days
                FROM deals d
                WHERE {source.Deals(sql, "d", scope)} AND d.status IN ('won', 'lost')
                  AND d.closed_at >= {sql.Param(period.Start)} AND d.closed_at < {sql.Param(period.End)}
            ) closed
            GROUP BY GROUPING SETS ((period), (period, owner_id))
            """;
        var rows = await source.RowsAsync<Row>(sql, text, ct);

        var (labels, keys) = period.Axis();
        var buckets = period.Buckets();
        var series = new List<SeriesDto>();
        void Add(SeriesOwner? owner, IEnumerable<Row> group)
        {
            var byBucket = group.ToDictionary(r => r.Period);
            SeriesDto Values(string metric, string unit, Func<Row?, decimal?> value) =>
                new(metric, unit, null, owner, buckets.Select(b => value(byBucket.GetValueOrDefault(b))).ToList());
            series.Add(Values("won", Units.Count, r => r?.Won ?? 0));
            series.Add(Values("lost", Units.Count, r => r?.Lost ?? 0));
            series.Add(Values("winRate", Units.Ratio, r => r is null ? null : ReportSource.Ratio(r.Won, r.Won + r.Lost)));
            series.Add(Values("medianDaysToClose", Units.Days, r => r?.MedianDays));
            series.Add(Values("averageDaysToClose", Units.Days, r => r?.AverageDays));
        }
        Add(null, rows.Where(r => r.Everyone));
        var perOwner = rows.Where(r => !r.Everyone).ToList();
        foreach (var owner in await source.OwnersAsync(perOwner.Select(r => r.OwnerId), ct))
            Add(owner, perOwner.Where(r => r.OwnerId == owner.Id));
        return new ChartDto(labels, keys, series);
    }

    private async Task<ChartDto> StageDurationsAsync(ReportScope scope, ReportPeriod period, CancellationToken ct)
    {
        var sql = new ReportSql();
        var pipeline = scope.PipelineId is { } p ? $" AND h.pipeline_id = {sql.Param(p)}" : "";
        var text = $"""
            SELECT h.stage_id AS "StageId", count(*) AS "Stays",
                   round((avg(extract(epoch FROM h.left_at - h.entered_at)) / 86400)::numeric, 2) AS "AverageDays"
            FROM deals d
            JOIN deal_stage_history h ON h.workspace_id = d.workspace_id AND h.deal_id = d.id
            WHERE {source.Deals(sql, "d", scope with { PipelineId = null })} AND d.status IN ('won', 'lost')
              AND d.closed_at >= {sql.Param(period.Start)} AND d.closed_at < {sql.Param(period.End)}
              AND h.left_at IS NOT NULL{pipeline}
            GROUP BY h.stage_id
            """;
        var rows = (await source.RowsAsync<StageRow>(sql, text, ct)).ToDictionary(r => r.StageId);
        var ids = rows.Keys.ToList();
        var stages = await source.Db.PipelineStages.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Join(source.Db.Pipelines, s => s.PipelineId, p => p.Id, (s, p) => new { s.Id, s.Name, Pipeline = p.Name, PipelinePosition = p.Position, s.Position })
            .OrderBy(s => s.PipelinePosition).ThenBy(s => s.Pipeline).ThenBy(s => s.Position)
            .ToListAsync(ct);
        var labels = stages.Select(s => scope.PipelineId is null ? $"{s.Pipeline} / {s.Name}" : s.Name).ToList();
        return new ChartDto(labels, stages.Select(s => (string?)s.Id.ToString()).ToList(),
        [
            new SeriesDto("averageDaysInStage", Units.Days, null, null, stages.Select(s => (decimal?)rows[s.Id].AverageDays).ToList()),
            new SeriesDto("stays", Units.Count, null, null, stages.Select(s => (decimal?)rows[s.Id].Stays).ToList()),
        ]);
    }
}
