namespace HeadlessCrm.Api.Features.Reports;

public sealed record ForecastDto(DateOnly From, DateOnly To, ReportInterval Interval, decimal CommitThreshold, string? Currency, ChartDto Chart);

/// <summary>
/// Report 2, the revenue forecast by period, per currency. Open deals count in the period of their expected close date
/// (deals without one, or without an amount, are left out): <c>weighted</c> = Σ amount × the probability of the stage
/// they are in; <c>bestCase</c> = Σ amount of all open deals; <c>commit</c> = Σ amount of open deals whose stage
/// probability is at least <c>commitThreshold</c> (default 0.7). <c>won</c> = Σ amount of deals won (closed) in the
/// period. Read from the summaries (<see cref="ReportFacts"/>): open deals by expected close date and current stage,
/// won deals by closing day; stage probabilities are applied when the report runs, so changing one needs no rebuild.
/// </summary>
public sealed class ForecastReport(ReportSource source)
{
    public static readonly string[] Parameters = ["pipelineId", "ownerId", "teamId", "from", "to", "interval", "currency", "commitThreshold"];

    public const decimal DefaultCommitThreshold = 0.7m;

    private sealed class Row
    {
        public DateOnly Period { get; init; }
        public string Currency { get; init; } = "";
        public decimal Weighted { get; init; }
        public decimal BestCase { get; init; }
        public decimal Commit { get; init; }
        public decimal Won { get; init; }
    }

    public async Task<ForecastDto> RunAsync(ReportQuery query, CancellationToken ct)
    {
        source.Demand();
        var scope = query.Scope();
        var threshold = query.Decimal("commitThreshold", 0, 1, DefaultCommitThreshold);
        var period = query.Period(source.Today, ahead: true);

        var sql = new ReportSql();
        var open = ReportFacts.Rows(source, sql, scope, ["deal_open"], period.From, period.To);
        var won = ReportFacts.Rows(source, sql, scope, ["deal_closed"], period.From, period.To);
        var text = $"""
            SELECT "Period", "Currency", sum(weighted) AS "Weighted", sum(best_case) AS "BestCase", sum(committed) AS "Commit", sum(won) AS "Won"
            FROM (
                SELECT {ReportSource.BucketOfDate(sql, period, "f.day")} AS "Period", f.currency AS "Currency",
                       round(sum(f.amount * s.probability), 4) AS weighted, sum(f.amount) AS best_case,
                       coalesce(sum(f.amount) FILTER (WHERE s.probability >= {sql.Param(threshold)}), 0) AS committed, 0 AS won
                FROM {open} f
                JOIN pipeline_stages s ON s.workspace_id = {source.Workspace(sql)} AND s.id = f.stage_id
                GROUP BY 1, 2
                HAVING sum(f.n) > 0
                UNION ALL
                SELECT {ReportSource.BucketOfDate(sql, period, "f.day")}, f.currency, 0, 0, 0, sum(f.amount)
                FROM {won} f
                WHERE f.dim = 'won'
                GROUP BY 1, 2
                HAVING sum(f.priced) > 0
            ) x
            GROUP BY 1, 2
            """;
        var rows = await source.RowsAsync<Row>(sql, text, ct);

        var (labels, keys) = period.Axis();
        var buckets = period.Buckets();
        var series = new List<SeriesDto>();
        foreach (var currency in rows.Select(r => r.Currency).Distinct().Order(StringComparer.Ordinal))
        {
            SeriesDto Money(string metric, Func<Row, decimal> value) => new(metric, Units.Money, currency, null,
                buckets.Select(b => (decimal?)rows.Where(r => r.Currency == currency && r.Period == b).Sum(value)).ToList());
            series.Add(Money("weighted", r => r.Weighted));
            series.Add(Money("commit", r => r.Commit));
            series.Add(Money("bestCase", r => r.BestCase));
            series.Add(Money("won", r => r.Won));
        }
        return new ForecastDto(period.From, period.To, period.Interval, threshold, scope.Currency, new ChartDto(labels, keys, series));
    }
}
