using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reports;

public sealed record WinRateDto(DateOnly From, DateOnly To, ReportInterval Interval, string? Currency, ChartDto ByPeriod, ChartDto StageDurations);

/// <summary>
/// Report 3, win rate and sales cycle, over the deals closed (won or lost) in the period, by period of closing: won,
/// lost, win rate = won / (won + lost), and the median and average days from creation to close of the won deals —
/// for everyone the caller covers and for each owner. Beside it, the average days those closed deals spent in each
/// stage they left. Counts, averages and stage durations are read from the summaries (<see cref="ReportFacts"/>); the
/// median from the cycle-time histogram summaries and the won deals of the one bucket holding the middle.
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
        // Counts and the average come from the summaries (Σ cycle seconds / won deals); the median from a histogram
        // summary and the won deals of the bucket holding the middle (MediansAsync).
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

    /// <summary>One bucket of a group's cycle-time histogram (group = a period, for everyone or for one owner).</summary>
    private sealed class HistogramRow
    {
        public DateOnly Period { get; init; }
        public Guid? OwnerId { get; init; }
        public bool Everyone { get; init; }
        public int Bucket { get; init; }
        public long Deals { get; init; }
    }

    /// <summary>
    /// The exact median days to close per group, in two steps. The won_cycle summaries give each group's histogram of
    /// cycle-time buckets, hence the bucket holding each middle rank and the rank within it; then only the won deals
    /// of those buckets and periods are read (report_won_cycles, by bucket and day) and the middle values picked, interpolated as
    /// percentile_cont(0.5) does.
    /// </summary>
    private async Task<List<Row>> MediansAsync(ReportScope scope, ReportPeriod period, CancellationToken ct)
    {
        var sql = new ReportSql();
        var text = $"""
            SELECT period AS "Period", owner_id AS "OwnerId", GROUPING(owner_id) = 1 AS "Everyone", dim::integer AS "Bucket", sum(n)::bigint AS "Deals"
            FROM (
                SELECT {ReportSource.BucketOfDate(sql, period, "f.day")} AS period, f.owner_id, f.dim, f.n
                FROM {ReportFacts.Rows(source, sql, scope, ["won_cycle"], period.From, period.To)} f
            ) won
            GROUP BY GROUPING SETS ((period, dim), (period, owner_id, dim))
            HAVING sum(n) <> 0
            """;
        var histogram = await source.RowsAsync<HistogramRow>(sql, text, ct);

        var needed = new List<(DateOnly Period, Guid? OwnerId, bool Everyone, int Bucket, long Rank)>();
        foreach (var group in histogram.GroupBy(r => (r.Period, r.OwnerId, r.Everyone)))
        {
            var buckets = group.OrderBy(r => r.Bucket).ToList();
            var total = buckets.Sum(r => r.Deals);
            foreach (var rank in new[] { (total + 1) / 2, total / 2 + 1 }.Distinct())
            {
                var before = 0L;
                var bucket = buckets.First(b => (before += b.Deals) >= rank);
                needed.Add((group.Key.Period, group.Key.OwnerId, group.Key.Everyone, bucket.Bucket, rank - (before - bucket.Deals)));
            }
        }
        if (needed.Count == 0) return [];

        // The won cycles of each (period, bucket) needed, read by index range; ranked here (a sort of a few thousand
        // values per range is cheaper in the host than as window functions in the database).
        var ranges = needed.Select(n => (n.Period, n.Bucket)).Distinct().ToList();
        var months = period.Interval == ReportInterval.Quarter ? 3 : 1;
        sql = new ReportSql();
        text = $"""
            SELECT r.period AS "Period", r.bucket AS "Bucket", w.owner_id AS "OwnerId", w.days AS "Days"
            FROM unnest({sql.Param(ranges.Select(r => r.Period).ToArray())}::date[], {sql.Param(ranges.Select(r => r.Bucket).ToArray())}::integer[],
                        {sql.Param(ranges.Select(r => Max(r.Period, period.From)).ToArray())}::date[],
                        {sql.Param(ranges.Select(r => Min(r.Period.AddMonths(months).AddDays(-1), period.To)).ToArray())}::date[])
                 AS r (period, bucket, first_day, last_day)
            CROSS JOIN LATERAL (
                SELECT c.owner_id, c.days
                FROM report_won_cycles c
                WHERE {source.Facts(sql, "c", scope)} AND c.bucket = r.bucket AND c.day >= r.first_day AND c.day <= r.last_day
                OFFSET 0 -- kept apart, so each range is one index range scan rather than a merge over the whole index
            ) w
            """;
        var cycles = (await source.RowsAsync<CycleRow>(sql, text, ct))
            .GroupBy(c => (c.Period, c.Bucket))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Days).ToList());
        var middles = needed
            .Select(n => (n.Period, n.OwnerId, n.Everyone, Days: cycles.GetValueOrDefault((n.Period, n.Bucket), [])
                .Where(c => n.Everyone || c.OwnerId == n.OwnerId).Skip((int)n.Rank - 1).Select(c => (double?)c.Days).FirstOrDefault()))
            .Where(m => m.Days is not null)
            .GroupBy(m => (m.Period, m.OwnerId, m.Everyone))
            .Select(g => (g.Key, Low: g.Min(m => m.Days!.Value), High: g.Max(m => m.Days!.Value)))
            .ToList();

        // Interpolated and rounded by PostgreSQL, exactly as percentile_cont(0.5) and round(…, 2) would.
        sql = new ReportSql();
        text = $"""
            SELECT round((low + (high - low) * 0.5)::numeric, 2) AS "Value", i::integer AS "Index"
            FROM unnest({sql.Param(middles.Select(m => m.Low).ToArray())}::float8[], {sql.Param(middles.Select(m => m.High).ToArray())}::float8[])
                 WITH ORDINALITY AS m (low, high, i)
            """;
        var medians = await source.RowsAsync<MedianRow>(sql, text, ct);
        return medians.Select(m => middles[m.Index - 1]).Zip(medians, (g, m) => new Row
        {
            Period = g.Key.Period, OwnerId = g.Key.OwnerId, Everyone = g.Key.Everyone, MedianDays = m.Value,
        }).ToList();
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed class CycleRow
    {
        public DateOnly Period { get; init; }
        public int Bucket { get; init; }
        public Guid? OwnerId { get; init; }
        public double Days { get; init; }
    }

    private sealed class MedianRow
    {
        public decimal Value { get; init; }
        public int Index { get; init; }
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
