using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>
/// POST /graphql: 50 deals with their stage, company, contacts and last 5 activities (skipped when /graphql answers
/// 404, e.g. against an older host).
/// </summary>
public sealed class GraphQLDealsPage : IScenario
{
    private const string Query = """
        query BenchDeals {
          deals(first: 50) {
            nodes {
              id title amount currency status
              stage { id name probability }
              company { id name }
              contacts { nodes { id firstName lastName } }
              activities(first: 5) { nodes { id type subject timelineAt } }
            }
          }
        }
        """;

    private Guid _workspaceId;

    public string Name => "GraphQL 50 deals + stage, company, contacts, 5 activities";

    public async Task<string?> PrepareAsync(ScenarioContext context)
    {
        _workspaceId = context.WorkspaceId;
        using var probe = await context.Http.PostAsJsonAsync("graphql", new { query = Query });
        return ScenarioContext.Missing(probe);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, long iteration, CancellationToken ct)
    {
        var response = await ScenarioContext.EnsureSuccessAsync(await http.PostAsJsonAsync("graphql", new { query = Query }, ct), ct);
        var body = await ScenarioContext.JsonAsync(response, ct);
        if (body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            throw new ScenarioException($"GraphQL errors: {errors[0]}");
        return response;
    }

    public Func<NpgsqlConnection, long, CancellationToken, Task> Ceiling => (connection, _, ct) =>
        Sql.ReadAllAsync(connection, _workspaceId, """
            SELECT d.id, d.title, d.amount, d.currency, d.status, s.id, s.name, s.probability, c.id, c.name,
                   ARRAY(SELECT row(k.id, k.first_name, k.last_name)::text FROM deal_contacts AS dc
                         JOIN contacts AS k ON k.workspace_id = dc.workspace_id AND k.id = dc.contact_id
                         WHERE dc.workspace_id = d.workspace_id AND dc.deal_id = d.id),
                   ARRAY(SELECT row(a.id, a.type, a.subject, a.timeline_at)::text FROM activities AS a
                         WHERE a.workspace_id = d.workspace_id AND a.deal_id = d.id AND a.archived_at IS NULL
                         ORDER BY a.timeline_at DESC, a.id DESC LIMIT 5)
            FROM deals AS d
            JOIN pipeline_stages AS s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
            LEFT JOIN companies AS c ON c.workspace_id = d.workspace_id AND c.id = d.company_id
            WHERE d.workspace_id = $1 AND d.archived_at IS NULL
            ORDER BY d.created_at DESC, d.id DESC LIMIT 50
            """, ct, _workspaceId);
}
