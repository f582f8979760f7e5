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
/// before it, even one it skipped; a won or lost stage is reached by entering it.
/// </summary>
public sealed class FunnelReport(ReportSource source)
{
    public static readonly string[] Parameters = ["pipelineId", "ownerId", "teamId", "from", "to", "currency"];

    private sealed class Row
    {
        public int? Furthest { get; init; }
        public Guid? WonStage { get; init; }
        public Guid? LostStage { get; init; }
        public string? Currency { get; init; }
        public long Deals { get; init; }
        public decimal? Amount { get; init; }
    }

    private const int Open = 0, Won = 1, Lost = 2;

    public async Task<FunnelDto> RunAsync(ReportQuery query, CancellationToken ct)
    {
        source.Demand();
        var pipelineId = query.RequiredId("pipelineId");
        var scope = query.Scope() with { PipelineId = null };
        var period = query.Period(source.Today);
        var stages = await StagesAsync(pipelineId, ct);

        var ranks = stages.Select(s => s.Kind == StageKind.Open ? stages.Where(o => o.Kind == StageKind.Open).ToList().IndexOf(s) + 1 : 0).ToArray();
        var kinds = stages.Select(s => s.Kind switch { StageKind.Open => Open, StageKind.Won => Won, _ => Lost }).ToArray();
        var sql = new ReportSql();
        var text = $"""
            SELECT per.furthest AS "Furthest", per.won_stage AS "WonStage", per.lost_stage AS "LostStage",
                   per.currency AS "Currency", count(*) AS "Deals", sum(per.amount) AS "Amount"
            FROM (
                SELECT d.id, d.currency, d.amount,
                       max(r.rank) FILTER (WHERE r.kind = {Open}) AS furthest,
                       (array_agg(h.stage_id) FILTER (WHERE r.kind = {Won}))[1] AS won_stage,
                       (array_agg(h.stage_id) FILTER (WHERE r.kind = {Lost}))[1] AS lost_stage
                FROM deals d
                JOIN deal_stage_history h ON h.workspace_id = d.workspace_id AND h.deal_id = d.id
                JOIN unnest({sql.Param(stages.Select(s => s.Id).ToArray())}::uuid[], {sql.Param(ranks)}::int[], {sql.Param(kinds)}::int[])
                     AS r(stage_id, rank, kind) ON r.stage_id = h.stage_id
                WHERE {source.Deals(sql, "d", scope)}
                  AND h.pipeline_id = {sql.Param(pipelineId)}
                  AND d.created_at >= {sql.Param(period.Start)} AND d.created_at < {sql.Param(period.End)}
                GROUP BY d.id, d.currency, d.amount
            ) per
            GROUP BY 1, 2, 3, 4
            """;
        var rows = await source.RowsAsync<Row>(sql, text, ct);
        return new FunnelDto(pipelineId, period.From, period.To, scope.Currency,
            stages.Select(s => new FunnelStageDto(s.Id, s.Name, s.Kind, s.Probability)).ToList(),
            Chart(stages, ranks, rows));
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
