using System.Text.Json;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>
/// GET /api/v1/deals?stageId=…&amp;limit=50 (newest first), either the first page or the page that starts
/// <paramref name="depth"/> deals in, reached once through the cursors and then asked for again and again.
/// </summary>
public sealed class ListDealsByStage(int depth) : IPagedScenario
{
    private const int PageSize = 50;
    private const string Columns = """
        d.*, d.xmin, ARRAY(SELECT dc.contact_id FROM deal_contacts AS dc
                           WHERE dc.workspace_id = d.workspace_id AND dc.deal_id = d.id ORDER BY dc.contact_id)
        """;

    private Guid _workspaceId;
    private Guid _stageId;
    private string _path = "";
    private (DateTime CreatedAt, Guid Id)? _after;

    public string Name => depth == 0 ? "list 50 deals by stage, first page" : $"list 50 deals by stage, {depth:N0} deep";

    public async Task<string?> PrepareAsync(ScenarioContext context)
    {
        _workspaceId = context.WorkspaceId;
        // The busiest stage, so the deep page exists.
        var stages = await context.SampleAsync<Guid>("""
            SELECT stage_id FROM deals WHERE workspace_id = $1 AND archived_at IS NULL
            GROUP BY stage_id ORDER BY count(*) DESC LIMIT $2
            """, 1);
        if (stages.Count == 0) return "no deals: run seed first";
        _stageId = stages[0];
        _path = $"api/v1/deals?stageId={_stageId}&limit={PageSize}";
        for (var skipped = 0; skipped < depth; skipped += PageSize)
        {
            using var response = await ScenarioContext.EnsureSuccessAsync(await context.Http.GetAsync(_path), CancellationToken.None);
            var page = await ScenarioContext.JsonAsync(response, CancellationToken.None);
            if (page.GetProperty("nextCursor").ValueKind != JsonValueKind.String)
                return $"the stage has fewer than {depth:N0} deals (seed a larger dataset)";
            _path = $"api/v1/deals?stageId={_stageId}&limit={PageSize}&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}";
            if (skipped + PageSize >= depth)
            {
                var last = page.GetProperty("data")[PageSize - 1];
                _after = (last.GetProperty("createdAt").GetDateTime().ToUniversalTime(), last.GetProperty("id").GetGuid());
            }
        }
        return null;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, long iteration, CancellationToken ct) =>
        await ScenarioContext.EnsureSuccessAsync(await http.GetAsync(_path, ct), ct);

    public async Task<HttpResponseMessage> SendPageAsync(HttpClient http, int limit, CancellationToken ct) =>
        await ScenarioContext.EnsureSuccessAsync(await http.GetAsync(_path.Replace($"limit={PageSize}", $"limit={limit}", StringComparison.Ordinal), ct), ct);

    public Func<NpgsqlConnection, long, CancellationToken, Task> Ceiling => (connection, _, ct) => _after is { } after
        ? Sql.ReadAllAsync(connection, _workspaceId, $"""
            SELECT {Columns} FROM deals AS d
            WHERE d.workspace_id = $1 AND d.stage_id = $2 AND d.archived_at IS NULL AND (d.created_at, d.id) < ($3, $4)
            ORDER BY d.created_at DESC, d.id DESC LIMIT {PageSize + 1}
            """, ct, _workspaceId, _stageId, after.CreatedAt, after.Id)
        : Sql.ReadAllAsync(connection, _workspaceId, $"""
            SELECT {Columns} FROM deals AS d
            WHERE d.workspace_id = $1 AND d.stage_id = $2 AND d.archived_at IS NULL
            ORDER BY d.created_at DESC, d.id DESC LIMIT {PageSize + 1}
            """, ct, _workspaceId, _stageId);
}
