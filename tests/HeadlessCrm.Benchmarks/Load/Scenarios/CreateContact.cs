using System.Net.Http.Json;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>POST /api/v1/contacts with an Idempotency-Key, as a well-behaved integration sends it.</summary>
public sealed class CreateContact : IScenario
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private Guid _workspaceId;

    public string Name => "create contact";

    public Task<string?> PrepareAsync(ScenarioContext context)
    {
        _workspaceId = context.WorkspaceId;
        return Task.FromResult<string?>(null);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, long iteration, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/contacts")
        {
            Content = JsonContent.Create(new
            {
                firstName = "Bench",
                lastName = $"Contact {iteration}",
                emails = new[] { new { value = Email(iteration) } },
                source = "web_form",
            }),
        };
        request.Headers.Add("Idempotency-Key", $"bench-{_run}-{iteration}");
        return await ScenarioContext.EnsureSuccessAsync(await http.SendAsync(request, ct), ct);
    }

    public Func<NpgsqlConnection, long, CancellationToken, Task> Ceiling => (connection, iteration, ct) =>
    {
        var id = Guid.CreateVersion7();
        var email = Email(iteration);
        var json = $$"""{"id":"{{id}}","firstName":"Bench","lastName":"Contact {{iteration}}","emails":[{"value":"{{email}}"}]}""";
        return Sql.ExecuteAsync(connection, _workspaceId, ct,
            ("""
             INSERT INTO contacts (workspace_id, id, first_name, last_name, emails, email_keys, lifecycle_stage, source, created_at, updated_at)
             VALUES ($1, $2, 'Bench', $3, $4::jsonb, $5, 'lead', 'web_form', now(), now())
             """, [_workspaceId, id, $"Contact {iteration}", $$"""[{"value":"{{email}}","label":null,"primary":true}]""", new[] { email }]),
            WrittenRows.Audit(_workspaceId, "contact", id, "created", json),
            WrittenRows.Outbox(_workspaceId, "contact.created", "contact", id, json),
            ("""
             INSERT INTO idempotency_keys (workspace_id, subject, key, request_hash, status_code, response_body, created_at)
             VALUES ($1, 'client:bench', $2, 'hash', 201, convert_to($3, 'UTF8'), now())
             """, [_workspaceId, $"sql-{_run}-{iteration}", json]));
    };

    private string Email(long iteration) => $"bench.{_run}.{iteration}@load.example";
}
