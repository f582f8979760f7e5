using System.Text.RegularExpressions;
using Npgsql;

namespace HeadlessCrm.Api.Tests.Batch;

/// <summary>
/// A batch's new records go to the database as one multi-row INSERT per table; what lands there must be exactly what
/// one create at a time writes: the record rows (generated columns included), their audit rows and outbox events.
/// </summary>
public sealed partial class BatchRowsTests(CrmApi api) : IClassFixture<CrmApi>
{
    private const int Records = 100;

    [Fact]
    public async Task A_batch_of_creates_writes_the_same_record_audit_and_outbox_rows_as_single_creates()
    {
        var batched = await api.NewWorkspaceAsync();
        var single = await api.NewWorkspaceAsync();
        var batchedInputs = await InputsAsync(batched);
        var singleInputs = await InputsAsync(single);

        var response = await batched.Http.PostJsonAsync("/api/v1/contacts/batch",
            new { operations = batchedInputs.Select(record => new { op = "create", record }).ToArray() });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        Assert.Equal(Records, result["created"]!.GetValue<int>());
        foreach (var input in singleInputs) await single.Http.CreateAsync("/api/v1/contacts", input);

        // Each result is the record as stored (its generated columns read back with it).
        var first = result["results"]![0]!["record"]!;
        var stored = await batched.Http.GetJsonAsync($"/api/v1/contacts/{first.Id()}");
        Assert.Equal(Normalised(stored.ToJsonString()), Normalised(first.ToJsonString()));

        const string contacts = "SELECT to_jsonb(c) FROM contacts c WHERE workspace_id = @ws ORDER BY first_name";
        var contactRows = await RowsAsync(contacts, batched.Id);
        Assert.Equal(Records, contactRows.Count);
        Assert.Equal(await RowsAsync(contacts, single.Id), contactRows);
        const string audit = "SELECT to_jsonb(a) FROM audit_events a JOIN contacts c ON c.workspace_id = a.workspace_id AND c.id = a.record_id WHERE a.workspace_id = @ws ORDER BY c.first_name";
        Assert.Equal(await RowsAsync(audit, single.Id), await RowsAsync(audit, batched.Id));
        // The webhook and rule workers may have taken an event already: when is their business, not the event's content.
        const string outbox = "SELECT to_jsonb(o) - 'claimed_until' - 'fanned_out_at' - 'rules_claimed_until' - 'rules_applied_at' FROM outbox_events o JOIN contacts c ON c.workspace_id = o.workspace_id AND c.id = o.record_id WHERE o.workspace_id = @ws ORDER BY c.first_name, o.type";
        var outboxRows = await RowsAsync(outbox, batched.Id);
        Assert.Equal(Records, outboxRows.Count);
        Assert.Equal(await RowsAsync(outbox, single.Id), outboxRows);
    }

    [Fact]
    public async Task A_batch_of_upserts_that_creates_some_and_updates_others_writes_what_single_requests_write()
    {
        var batched = await api.NewWorkspaceAsync();
        var single = await api.NewWorkspaceAsync();
        var existing = new Dictionary<Guid, List<string>>();
        foreach (var ws in new[] { batched, single })
        {
            existing[ws.Id] = [];
            for (var i = 0; i < 12; i++)
                existing[ws.Id].Add((await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = $"Known {i:D2}", emails = new[] { new { value = $"known{i}@example.com" } } })).Id());
        }

        // 12 updates and 12 creates in one save: the new rows by multi-row statements, the updates by EF after them.
        var response = await batched.Http.PostJsonAsync("/api/v1/contacts/batch", new
        {
            operations = Enumerable.Range(0, 24).Select(i => i % 2 == 0
                ? new { op = "upsert", matchBy = "email", record = (object)new { lastName = $"Renamed {i / 2}", emails = new[] { new { value = $"known{i / 2}@example.com" } } } }
                : new { op = "upsert", matchBy = "email", record = (object)new { firstName = $"New {i / 2:D2}", tags = new[] { "new" }, emails = new[] { new { value = $"new{i / 2}@example.com" } } } })
                .ToArray(),
        });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        Assert.Equal((12, 12, 0), (result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["failed"]!.GetValue<int>()));
        for (var i = 0; i < 12; i++)
        {
            await (await single.Http.PatchJsonAsync($"/api/v1/contacts/{existing[single.Id][i]}", new { lastName = $"Renamed {i}" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
            await single.Http.CreateAsync("/api/v1/contacts", new { firstName = $"New {i:D2}", tags = new[] { "new" }, emails = new[] { new { value = $"new{i}@example.com" } } });
        }

        const string contacts = "SELECT to_jsonb(c) FROM contacts c WHERE workspace_id = @ws ORDER BY first_name";
        var contactRows = await RowsAsync(contacts, batched.Id);
        Assert.Equal(24, contactRows.Count);
        Assert.Equal(await RowsAsync(contacts, single.Id), contactRows);
        const string audit = "SELECT to_jsonb(a) FROM audit_events a JOIN contacts c ON c.workspace_id = a.workspace_id AND c.id = a.record_id WHERE a.workspace_id = @ws ORDER BY c.first_name, a.action";
        Assert.Equal(await RowsAsync(audit, single.Id), await RowsAsync(audit, batched.Id));
        const string outbox = "SELECT to_jsonb(o) - 'claimed_until' - 'fanned_out_at' - 'rules_claimed_until' - 'rules_applied_at' FROM outbox_events o JOIN contacts c ON c.workspace_id = o.workspace_id AND c.id = o.record_id WHERE o.workspace_id = @ws ORDER BY c.first_name, o.type";
        var outboxRows = await RowsAsync(outbox, batched.Id);
        Assert.Equal(36, outboxRows.Count);
        Assert.Equal(await RowsAsync(outbox, single.Id), outboxRows);

        // An updated record's version is the one it now has: the next change may name it.
        var updated = await batched.Http.GetAsync($"/api/v1/contacts/{existing[batched.Id][0]}");
        var patched = await batched.Http.PatchJsonAsync($"/api/v1/contacts/{existing[batched.Id][0]}", new { title = "Next" }, updated.Headers.ETag!.Tag);
        await patched.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_single_create_that_adds_several_rows_to_a_table_returns_the_version_the_record_has()
    {
        var ws = await api.NewWorkspaceAsync();
        var ana = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ana" });
        var ben = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ben" });

        // Two deal–contact links in one save: written by one multi-row statement.
        var created = await ws.Http.PostJsonAsync("/api/v1/deals", new { title = "Linked", contactIds = new[] { ana.Id(), ben.Id() } });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var deal = await created.JsonAsync();
        var read = await ws.Http.GetAsync($"/api/v1/deals/{deal.Id()}");
        Assert.Equal(read.Headers.ETag, created.Headers.ETag);
        Assert.Equal([ana.Id(), ben.Id()], (await read.JsonAsync())["contactIds"]!.AsArray().Select(id => id!.GetValue<string>()).Order());

        // The version it returned is the one the next change must name.
        var patched = await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { title = "Renamed" }, created.Headers.ETag!.Tag);
        await patched.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>The same 100 contacts for a workspace: every kind of column, with a company, owner and custom fields of its own.</summary>
    private static async Task<List<object>> InputsAsync(TestWorkspace ws)
    {
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "tier", label = "Tier", type = "single_select", options = new[] { "gold", "silver" } });
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "seats", label = "Seats", type = "number" });
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme", domain = "acme.example" });
        var owner = await ws.MemberAsync("rep");
        return [.. Enumerable.Range(0, Records).Select(i => (object)new
        {
            firstName = $"First {i:D3}",
            lastName = i % 7 == 0 ? null : $"Last {i}",
            emails = new[] { new { value = $"person{i}@example.com", label = (string?)"work", primary = true }, new { value = $"home{i}@example.org", label = (string?)null, primary = false } },
            phones = i % 2 == 0 ? new[] { new { value = $"+1 555 01{i:D2}" } } : null,
            title = i % 3 == 0 ? "Buyer" : null,
            companyId = i % 4 == 0 ? company.Id() : null,
            birthday = i % 5 == 0 ? "1990-02-03" : null,
            address = i % 2 == 0 ? new { street = $"{i} Main St", city = "Lisbon", country = "PT", latitude = 38.7 + i / 1000.0, longitude = -9.1 } : null,
            lifecycleStage = i % 3 == 0 ? "customer" : "lead",
            source = i % 2 == 0 ? "web_form" : "referral",
            ownerId = i % 2 == 0 ? owner.Id : null,
            tags = i % 3 == 0 ? new[] { "vip", $"t{i % 5}" } : null,
            customFields = i % 2 == 0 ? (object)new { tier = "gold", seats = i } : new { },
        })];
    }

    private async Task<List<string>> RowsAsync(string sql, Guid workspace)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ws", workspace);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(Normalised(reader.GetString(0)));
        return rows;
    }

    /// <summary>A row with its ids numbered in order of appearance, its timestamps and its workspace's client blanked: two workspaces' rows compare.</summary>
    private static string Normalised(string json)
    {
        json = Client().Replace(json, "client");
        var ids = new Dictionary<string, string>();
        json = Uuid().Replace(json, m => ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = $"id{ids.Count}");
        return Timestamp().Replace(json, "time");
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex("test-client-[0-9]+-[0-9a-f]+")]
    private static partial Regex Client();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();
}
