using System.Net.Http.Headers;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>GET a deal for its ETag, then PATCH its title with If-Match: the safe read-modify-write a client does.</summary>
public sealed class UpdateDeal : IScenario
{
    private List<Guid> _ids = [];
    private Guid _workspaceId;

    public string Name => "update deal (GET + PATCH If-Match)";

    public async Task<string?> PrepareAsync(ScenarioContext context)
    {
        _workspaceId = context.WorkspaceId;
        _ids = await context.SampleAsync<Guid>("SELECT id FROM deals WHERE workspace_id = $1 AND archived_at IS NULL ORDER BY random() LIMIT $2");
        return _ids.Count == 0 ? "no deals: run seed first" : null;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, long iteration, CancellationToken ct)
    {
        var path = $"api/v1/deals/{Id(iteration)}";
        string etag;
        using (var read = await ScenarioContext.EnsureSuccessAsync(await http.GetAsync(path, ct), ct))
            etag = read.Headers.ETag?.ToString() ?? throw new ScenarioException("GET returned no ETag");
        using var patch = new HttpRequestMessage(HttpMethod.Patch, path)
        {
            Content = new StringContent($$"""{"title":"Updated deal {{iteration}}"}""", new MediaTypeHeaderValue("application/merge-patch+json")),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        return await ScenarioContext.EnsureSuccessAsync(await http.SendAsync(patch, ct), ct);
    }

    public Func<NpgsqlConnection, long, CancellationToken, Task> Ceiling => async (connection, iteration, ct) =>
    {
        var id = Id(iteration);
        await Sql.ReadAllAsync(connection, _workspaceId, "SELECT *, xmin FROM deals WHERE workspace_id = $1 AND id = $2", ct, _workspaceId, id);
        var json = $$"""{"title":"Updated deal {{iteration}}"}""";
        await Sql.ExecuteAsync(connection, _workspaceId, ct,
            ("UPDATE deals SET title = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2", [_workspaceId, id, $"Updated deal {iteration}"]),
            WrittenRows.Audit(_workspaceId, "deal", id, "updated", json),
            WrittenRows.Outbox(_workspaceId, "deal.updated", "deal", id, json));
    };

    private Guid Id(long iteration) => _ids[(int)(iteration % _ids.Count)];
}
