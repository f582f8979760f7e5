using System.Net.Http.Json;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>POST /api/v1/contacts/search for a contact by email address (the filter tree on the email GIN index).</summary>
public sealed class SearchContacts : IScenario
{
    private List<string> _emails = [];
    private Guid _workspaceId;

    public string Name => "search contacts by email";

    public async Task<string?> PrepareAsync(ScenarioContext context)
    {
        _workspaceId = context.WorkspaceId;
        _emails = await context.SampleAsync<string>("SELECT email_keys[1] FROM contacts WHERE workspace_id = $1 AND cardinality(email_keys) > 0 ORDER BY random() LIMIT $2");
        if (_emails.Count == 0) return "no contacts with email: run seed first";
        using var probe = await context.Http.PostAsJsonAsync("api/v1/contacts/search", Body(0));
        return ScenarioContext.Missing(probe);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, long iteration, CancellationToken ct) =>
        await ScenarioContext.EnsureSuccessAsync(await http.PostAsJsonAsync("api/v1/contacts/search", Body(iteration), ct), ct);

    public Func<NpgsqlConnection, long, CancellationToken, Task> Ceiling => (connection, iteration, ct) =>
        Sql.ReadAllAsync(connection, _workspaceId, """
            SELECT *, xmin FROM contacts WHERE workspace_id = $1 AND archived_at IS NULL
              AND id IN (SELECT id FROM crm_filter_ids('contacts', 'email_keys', '@>', ARRAY[$2]))
            ORDER BY created_at DESC, id DESC LIMIT 26
            """, ct, _workspaceId, Email(iteration));

    private object Body(long iteration) => new { filter = new { field = "email", op = "contains", value = Email(iteration) }, limit = 25 };

    private string Email(long iteration) => _emails[(int)(iteration % _emails.Count)];
}
