using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reports;

public sealed record FunnelStageDto(Guid Id, string Name, StageKind Kind, decimal Probability);

public sealed record FunnelDto(Guid PipelineId, DateOnly From, DateOnly To, string? Currency, IReadOnlyList<FunnelStageDto> Stages, ChartDto Chart);

/// <summary>
/// Report 1, the funnel of one pipeline, from stage history: of the deals created in the period, how many reached each
/// stage and what they are worth, and how many of those reaching one stage reached the next. "Reached" is cumulative,
/// as in most CRMs' funnels: a deal that entered a later open stage (or a won stage) has passed every open stage
/// before it, even one it skipped; a won or lost stage is reached by entering it. Read from the summaries
/// (<see cref="ReportFacts"/>): per owner, creation day and currency, how many deals entered each set of stages.
/// </summary>
public sealed class FunnelReport(ReportSource source)
{
    public static readonly string[] Parameters = ["pipelineId", "ownerId", "teamId", "from", "to", "currency"];

    /// <summary>Deals created on summarised days that entered exactly this set of the pipeline's stages.</summary>
    private sealed class PathRow
    {
        public Guid[] Path { get; init; } = [];
        public string? Currency { get; init; }
        public long Deals { get; init; }
        public long Priced { get; init; }
        public decimal Amount { get; init; }
    }

    private sealed class Row
    {
        public int? Furthest { get; init; }
        public Guid? WonStage { get; init; }
        public Guid? LostStage { get; init; }
        public string? Currency { get; init; }
        public long Deals { get; init; }
        public decimal? Amount { get; init; }
    }

    public async Task<FunnelDto> RunAsync(ReportQuery query, CancellationToken ct)
    {
        source.Demand();
        var pipelineId = query.RequiredId("pipelineId");
        var scope = query.Scope() with { PipelineId = null };
        var period = query.Period(source.Today);
        var stages = await StagesAsync(pipelineId, ct);

        var ranks = stages.Select(s => s.Kind == StageKind.Open ? stages.Where(o => o.Kind == StageKind.Open).ToList().IndexOf(s) + 1 : 0).ToArray();
        var sql = new ReportSql();
        var text = $"""
            SELECT f.path AS "Path", f.currency::text AS "Currency", sum(f.n) AS "Deals", sum(f.priced) AS "Priced", sum(f.amount) AS "Amount"
            FROM {ReportFacts.Rows(source, sql, scope with { PipelineId = pipelineId }, ["funnel"], period.From, period.To)} f
            GROUP BY 1, 2
            HAVING sum(f.n) <> 0
            """;
        var paths = await source.RowsAsync<PathRow>(sql, text, ct);
        var rows = paths.Select(p => Reach(stages, ranks, p)).ToList();
        return new FunnelDto(pipelineId, period.From, period.To, scope.Currency,
            stages.Select(s => new FunnelStageDto(s.Id, s.Name, s.Kind, s.Probability)).ToList(),
            Chart(stages, ranks, rows));
    }

    /// <summary>
    /// How far the deals of one path got, by the stages as they are now: the furthest open stage entered (by rank),
    /// and the won and lost stage entered, if any. Stays in archived stages do not count.
    /// </summary>
    private static Row Reach(List<PipelineStage> stages, int[] ranks, PathRow path)
    {
        var entered = path.Path.ToHashSet();
        int? furthest = null;
        Guid? won = null, lost = null;
        for (var i = 0; i < stages.Count; i++)
        {
            if (!entered.Contains(stages[i].Id)) continue;
            switch (stages[i].Kind)
            {
                case StageKind.Open: furthest = Math.Max(furthest ?? 0, ranks[i]); break;
                case StageKind.Won: won ??= stages[i].Id; break;
                default: lost ??= stages[i].Id; break;
            }
        }
        return new Row { Furthest = furthest, WonStage = won, LostStage = lost, Currency = path.Currency, Deals = path.Deals, Amount = path.Priced > 0 ? path.Amount : null };
    }

    private async Task<List<PipelineStage>> StagesAsync(Guid pipelineId, CancellationToken ct)
    {
        if (!await source.Db.Pipelines.AnyAsync(p => p.Id == pipelineId, ct))
            throw new InvalidQueryException("pipelineId", "No such pipeline in this workspace.");
        // The funnel's order: open stages by position, then won, then lost.
        return await source.Db.PipelineStages.AsNoTracking()
            .Where(s => s.PipelineId == pipelineId && s.ArchivedAt == null)
            .OrderBy(s => s.Kind == StageKind.Open ? 0 : s.Kind == StageKind.Won ? 1 : 2).ThenBy(s => s.Position).ThenBy(s => s.Id)
            .ToListAsync(ct);
    }

    private static ChartDto Chart(List<PipelineStage> stages, int[] ranks, List<Row> rows)
    {
        bool Reached(Row row, int i) => stages[i].Kind switch
        {
            StageKind.Open => row.WonStage is not null || row.Furthest >= ranks[i],
            StageKind.Won => row.WonStage == stages[i].Id,
            _ => row.LostStage == stages[i].Id,
        };

        var counts = stages.Select((_, i) => (decimal)rows.Where(r => Reached(r, i)).Sum(r => r.Deals)).ToList();
        var series = new List<SeriesDto> { new("deals", Units.Count, null, null, counts.Select(c => (decimal?)c).ToList()) };
        foreach (var currency in rows.Where(r => r.Amount is not null).Select(r => r.Currency!).Distinct().Order(StringComparer.Ordinal))
            series.Add(new SeriesDto("amount", Units.Money, currency, null,
                stages.Select((_, i) => (decimal?)rows.Where(r => r.Currency == currency && Reached(r, i)).Sum(r => r.Amount ?? 0)).ToList()));

        // Conversion from the step before: open stage to open stage, last open stage to each won stage.
        var lastOpen = stages.FindLastIndex(s => s.Kind == StageKind.Open);
        var conversion = stages.Select((s, i) => s.Kind switch
        {
            StageKind.Open when i > 0 => ReportSource.Ratio(counts[i], counts[i - 1]),
            StageKind.Won when lastOpen >= 0 => ReportSource.Ratio(counts[i], counts[lastOpen]),
            _ => null,
        }).ToList();
        series.Add(new SeriesDto("conversion", Units.Ratio, null, null, conversion));
        return new ChartDto(stages.Select(s => s.Name).ToList(), stages.Select(s => (string?)s.Id.ToString()).ToList(), series);
    }
}
