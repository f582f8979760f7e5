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

    public Func<NpgsqlConnection, long, CancellationToken, Task> Ceiling => (connection, _, ct) =>
        Sql.ReadAllAsync(connection, _workspaceId, """
            SELECT d.pipeline_id, date_trunc('month', d.expected_close_date) AS month, d.currency,
                   sum(d.amount) AS total, sum(d.amount * s.probability) AS weighted, count(*)
            FROM deals AS d JOIN pipeline_stages AS s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
            WHERE d.workspace_id = $1 AND d.status = 'open' AND d.archived_at IS NULL
            GROUP BY 1, 2, 3
            """, ct, _workspaceId);
}
