using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reports;

public sealed record WinRateDto(DateOnly From, DateOnly To, ReportInterval Interval, string? Currency, ChartDto ByPeriod, ChartDto StageDurations);

/// <summary>
/// Report 3, win rate and sales cycle, over the deals closed (won or lost) in the period, by period of closing: won,
/// lost, win rate = won / (won + lost), and the median and average days from creation to close of the won deals —
/// for everyone the caller covers and for each owner. Beside it, the average days those closed deals spent in each
/// stage they left. Counts, averages and stage durations are read from the summaries (<see cref="ReportFacts"/>); the
/// median from the won deals themselves.
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
        // Counts and the average come from the summaries (Σ cycle seconds / won deals); a median needs every value, so
        // it is computed from the won deals themselves (an index-only range of the closed deals).
        var sql = new ReportSql();
        var text = $"""
            SELECT period AS "Period", owner_id AS "OwnerId", GROUPING(owner_id) = 1 AS "Everyone",
                   coalesce(sum(n) FILTER (WHERE dim = 'won'), 0)::bigint AS "Won", coalesce(sum(n) FILTER (WHERE dim = 'lost'), 0)::bigint AS "Lost",
                   NULL::numeric AS "MedianDays",
                   round(sum(seconds) FILTER (WHERE dim = 'won') / nullif(sum(n) FILTER (WHERE dim = 'won'), 0) / 86400, 2) AS "AverageDays"
            FROM (
                SELECT {ReportSource.BucketOfDate(sql, period, "f.day")} AS period, f.owner_id, f.dim, f.n, f.seconds
                FROM {ReportFacts.Rows(source, sql, scope, ["deal_closed"], period.From, period.To)} f
            ) closed
            GROUP BY GROUPING SETS ((period), (period, owner_id))
            HAVING sum(n) <> 0
            """;
        var counts = await source.RowsAsync<Row>(sql, text, ct);
        var medians = (await MediansAsync(scope, period, ct)).ToDictionary(r => (r.Period, r.OwnerId, r.Everyone), r => r.MedianDays);
        var rows = counts.Select(r => new Row
        {
            Period = r.Period, OwnerId = r.OwnerId, Everyone = r.Everyone, Won = r.Won, Lost = r.Lost, AverageDays = r.AverageDays,
            MedianDays = medians.GetValueOrDefault((r.Period, r.OwnerId, r.Everyone)),
        }).ToList();

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

    private async Task<List<Row>> MediansAsync(ReportScope scope, ReportPeriod period, CancellationToken ct)
    {
        var sql = new ReportSql();
        var text = $"""
            SELECT period AS "Period", owner_id AS "OwnerId", GROUPING(owner_id) = 1 AS "Everyone", 0::bigint AS "Won", 0::bigint AS "Lost",
                   round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::numeric, 2) AS "MedianDays", NULL::numeric AS "AverageDays"
            FROM (
                SELECT {ReportSource.BucketOfTime(sql, period, "d.closed_at")} AS period, d.owner_id,
                       extract(epoch FROM d.closed_at - d.created_at)::float8 / 86400 AS days
                FROM deals d
                WHERE {source.Deals(sql, "d", scope)} AND d.status = 'won'
                  AND d.closed_at >= {sql.Param(period.Start)} AND d.closed_at < {sql.Param(period.End)}
            ) won
            GROUP BY GROUPING SETS ((period), (period, owner_id))
            """;
        return await source.RowsAsync<Row>(sql, text, ct);
    }

    private async Task<ChartDto> StageDurationsAsync(ReportScope scope, ReportPeriod period, CancellationToken ct)
    {
        var sql = new ReportSql();
        var text = $"""
            SELECT f.stage_id AS "StageId", sum(f.n)::bigint AS "Stays", round(sum(f.seconds) / sum(f.n) / 86400, 2) AS "AverageDays"
            FROM {ReportFacts.Rows(source, sql, scope, ["stay"], period.From, period.To)} f
            GROUP BY f.stage_id
            HAVING sum(f.n) <> 0
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
