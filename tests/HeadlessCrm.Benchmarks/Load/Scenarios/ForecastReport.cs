using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>
/// GET /api/v1/reports/forecast: open pipeline weighted by stage probability (skipped when the route answers 404,
/// e.g. against an older host).
/// </summary>
public sealed class ForecastReport : IScenario
{
    private const string Path = "api/v1/reports/forecast";
    private Guid _workspaceId;

    public string Name => "forecast report";

    public async Task<string?> PrepareAsync(ScenarioContext context)
    {
        _workspaceId = context.WorkspaceId;
        using var probe = await context.Http.GetAsync(Path);
        return ScenarioContext.Missing(probe);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, long iteration, CancellationToken ct) =>
        await ScenarioContext.EnsureSuccessAsync(await http.GetAsync(Path, ct), ct);

    /// <summary>
    /// What the endpoint reads (issue #6's summaries, not the deals): the month rows of open deals by expected close
    /// and of deals won, over the default period (this month and the eleven after it), plus the deltas not yet
    /// compacted into them, weighted by the probability of each stage.
    /// </summary>
    public Func<NpgsqlConnection, long, CancellationToken, Task> Ceiling => (connection, _, ct) =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = new DateOnly(today.Year, today.Month, 1);
        var until = from.AddYears(1);
        return Sql.ReadAllAsync(connection, _workspaceId, """
            WITH f AS (
                SELECT kind, day, stage_id, currency, dim, n, priced, amount FROM report_facts
                WHERE workspace_id = $1 AND kind IN ('deal_open', 'deal_closed') AND grain = 'm' AND day >= $2 AND day < $3
                UNION ALL
                SELECT kind, day, stage_id, currency, dim, n, priced, amount FROM report_fact_deltas
                WHERE workspace_id = $1 AND kind IN ('deal_open', 'deal_closed') AND day >= $2 AND day < $3
            )
            SELECT date_trunc('month', f.day) AS month, f.currency,
                   round(sum(f.amount * s.probability) FILTER (WHERE f.kind = 'deal_open'), 4) AS weighted,
                   sum(f.amount) FILTER (WHERE f.kind = 'deal_open') AS best_case,
                   sum(f.amount) FILTER (WHERE f.kind = 'deal_open' AND s.probability >= 0.7) AS committed,
                   sum(f.amount) FILTER (WHERE f.kind = 'deal_closed' AND f.dim = 'won') AS won
            FROM f LEFT JOIN pipeline_stages AS s ON s.workspace_id = $1 AND s.id = f.stage_id
            GROUP BY 1, 2
            """, ct, _workspaceId, from, until);
    };
}
