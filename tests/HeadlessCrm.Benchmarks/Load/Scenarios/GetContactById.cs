using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>GET /api/v1/contacts/{id} over 10,000 random contacts.</summary>
public sealed class GetContactById : IScenario
{
    private List<Guid> _ids = [];
    private Guid _workspaceId;

    public string Name => "get contact by id";

    public async Task<string?> PrepareAsync(ScenarioContext context)
    {
        _workspaceId = context.WorkspaceId;
        _ids = await context.SampleAsync<Guid>("SELECT id FROM contacts WHERE workspace_id = $1 ORDER BY random() LIMIT $2");
        return _ids.Count == 0 ? "no contacts: run seed first" : null;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, long iteration, CancellationToken ct) =>
        await ScenarioContext.EnsureSuccessAsync(await http.GetAsync($"api/v1/contacts/{Id(iteration)}", ct), ct);

    public Func<NpgsqlConnection, long, CancellationToken, Task> Ceiling => (connection, iteration, ct) =>
        Sql.ReadAllAsync(connection, _workspaceId, "SELECT *, xmin FROM contacts WHERE workspace_id = $1 AND id = $2", ct, _workspaceId, Id(iteration));

    private Guid Id(long iteration) => _ids[(int)(iteration % _ids.Count)];
}
