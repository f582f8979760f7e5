namespace HeadlessCrm.Api.Tests.Batch;

/// <summary>POST /api/v1/&lt;resource&gt;/batch: per-operation results, upserts by natural keys, atomic all-or-nothing.</summary>
public sealed class BatchTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static async Task<JsonNode> BatchAsync(HttpClient http, string resource, object body)
    {
        var response = await http.PostJsonAsync($"/api/v1/{resource}/batch", body);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    private static string[] Statuses(JsonNode result) => result["results"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Each_operation_succeeds_or_fails_alone_with_its_errors()
    {
        var ws = await api.NewWorkspaceAsync();
        var existing = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Old" });
        var doomed = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Doomed" });

        var result = await BatchAsync(ws.Http, "contacts", new
        {
            operations = new object[]
            {
                new { op = "create", record = new { firstName = "New", emails = new[] { new { value = "new@example.com" } } } },
                new { op = "create", record = new { title = "No name" } },
                new { op = "create", record = new { firstName = "Bad", emails = new[] { new { value = "not-an-email" } } } },
                new { op = "update", id = existing.Id(), record = new { lastName = "Updated" } },
                new { op = "update", id = Guid.NewGuid(), record = new { lastName = "Ghost" } },
                new { op = "archive", id = doomed.Id() },
                new { op = "explode" },
                new { op = "create", record = new { firstName = "X", unknownField = 1 } },
            },
        });

        Assert.Equal(["created", "failed", "failed", "updated", "failed", "archived", "failed", "failed"], Statuses(result));
        var items = result["results"]!.AsArray();
        Assert.Equal(422, items[1]!["error"]!["status"]!.GetValue<int>());
        Assert.True(items[1]!["error"]!["errors"]!.AsObject().ContainsKey("lastName"));
        Assert.True(items[2]!["error"]!["errors"]!.AsObject().ContainsKey("emails[0].value"));
        Assert.Equal(404, items[4]!["error"]!["status"]!.GetValue<int>());
        Assert.True(items[6]!["error"]!["errors"]!.AsObject().ContainsKey("op"));
        Assert.Equal(400, items[7]!["error"]!["status"]!.GetValue<int>());
        Assert.Equal("Updated", items[3]!["record"]!["lastName"]!.GetValue<string>());
        Assert.Equal((1, 1, 1, 5), (result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["archived"]!.GetValue<int>(), result["failed"]!.GetValue<int>()));

        // Exactly the successful operations took effect.
        var live = (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!["firstName"]!.GetValue<string>()).Order();
        Assert.Equal(["New", "Old"], live);
        var created = await ws.Http.GetJsonAsync($"/api/v1/contacts/{items[0]!.Id()}");
        Assert.Equal("new@example.com", created["emails"]![0]!["value"]!.GetValue<string>());
        var history = (await ws.Http.GetJsonAsync($"/api/v1/audit?recordId={items[0]!.Id()}")).Data();
        Assert.Single(history);
    }

    [Fact]
    public async Task Upserts_match_contacts_by_email_companies_by_domain_and_records_by_a_unique_custom_field()
    {
        var ws = await api.NewWorkspaceAsync();
        var ana = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ana", emails = new[] { new { value = "ana@example.com" } } });
        var acme = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme", domain = "acme.example" });
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "deals", key = "externalId", label = "External id", type = "text", unique = true });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Imported", customFields = new { externalId = "ERP-7" } });

        var contacts = await BatchAsync(ws.Http, "contacts", new
        {
            operations = new object[]
            {
                new { op = "upsert", matchBy = "email", record = new { lastName = "Lopez", emails = new[] { new { value = "ANA@example.com" } } } },
                new { op = "upsert", matchBy = "email", record = new { firstName = "Ben", emails = new[] { new { value = "ben@example.com" } } } },
                new { op = "upsert", matchBy = "domain", record = new { firstName = "Wrong key" } },
            },
        });
        Assert.Equal(["updated", "created", "failed"], Statuses(contacts));
        Assert.Equal(ana.Id(), contacts["results"]![0]!.Id());
        Assert.Equal("Ana", contacts["results"]![0]!["record"]!["firstName"]!.GetValue<string>());
        Assert.Equal("Lopez", contacts["results"]![0]!["record"]!["lastName"]!.GetValue<string>());
        Assert.True(contacts["results"]![2]!["error"]!["errors"]!.AsObject().ContainsKey("matchBy"));

        var companies = await BatchAsync(ws.Http, "companies", new
        {
            operations = new object[]
            {
                new { op = "upsert", matchBy = "domain", record = new { name = "Acme GmbH", domain = "https://www.Acme.example/about" } },
                new { op = "upsert", matchBy = "domain", record = new { name = "Globex", domain = "globex.example" } },
            },
        });
        Assert.Equal(["updated", "created"], Statuses(companies));
        Assert.Equal(acme.Id(), companies["results"]![0]!.Id());

        var deals = await BatchAsync(ws.Http, "deals", new
        {
            operations = new object[]
            {
                new { op = "upsert", matchBy = "customFields.externalId", record = new { title = "Imported again", customFields = new { externalId = "ERP-7" } } },
                new { op = "upsert", matchBy = "customFields.externalId", record = new { title = "New one", customFields = new { externalId = "ERP-8" } } },
                new { op = "upsert", matchBy = "customFields.nothing", record = new { title = "?" } },
            },
        });
        Assert.Equal(["updated", "created", "failed"], Statuses(deals));
        Assert.Equal(deal.Id(), deals["results"]![0]!.Id());
        Assert.Equal(2, (await ws.Http.GetJsonAsync("/api/v1/deals")).Data().Count);
    }

    [Fact]
    public async Task Each_operation_sees_what_the_operations_before_it_wrote_and_returns_the_record_as_saved()
    {
        var ws = await api.NewWorkspaceAsync();
        var kept = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Kept" });
        var gone = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Gone" });

        // Independent operations, none failing: the records come back as saved, as a read gives them, each audited.
        var independent = await BatchAsync(ws.Http, "contacts", new
        {
            operations = new object[]
            {
                new { op = "create", record = new { firstName = "Cara", emails = new[] { new { value = "cara@example.com" } } } },
                new { op = "update", id = kept.Id(), record = new { title = "Zero" } },
            },
        });
        Assert.Equal(["created", "updated"], Statuses(independent));
        foreach (var item in independent["results"]!.AsArray().Select(i => i!))
        {
            var read = await ws.Http.GetJsonAsync($"/api/v1/contacts/{item.Id()}");
            Assert.Equal(read["createdAt"]!.GetValue<DateTime>(), item["record"]!["createdAt"]!.GetValue<DateTime>());
            Assert.Equal(read["updatedAt"]!.GetValue<DateTime>(), item["record"]!["updatedAt"]!.GetValue<DateTime>());
            Assert.True(read["updatedAt"]!.GetValue<DateTime>() > DateTime.UtcNow.AddMinutes(-5));
        }
        Assert.Equal("Zero", independent["results"]![1]!["record"]!["title"]!.GetValue<string>());
        Assert.Single((await ws.Http.GetJsonAsync($"/api/v1/audit?recordId={independent["results"]![0]!.Id()}")).Data());
        await (await ws.Http.DeleteAsync($"/api/v1/contacts/{independent["results"]![0]!.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        // Operations that build on the ones before them.
        var result = await BatchAsync(ws.Http, "contacts", new
        {
            operations = new object[]
            {
                new { op = "upsert", matchBy = "email", record = new { firstName = "Ana", emails = new[] { new { value = "ana@example.com" } } } },
                new { op = "upsert", matchBy = "email", record = new { lastName = "Lopez", emails = new[] { new { value = "ANA@example.com" } } } },
                new { op = "update", id = kept.Id(), record = new { lastName = "One" } },
                new { op = "update", id = kept.Id(), record = new { title = "Two" } },
                new { op = "archive", id = gone.Id() },
                new { op = "update", id = gone.Id(), record = new { title = "After archive" } },
            },
        });

        Assert.Equal(["created", "updated", "updated", "updated", "archived", "updated"], Statuses(result));
        var items = result["results"]!.AsArray();
        Assert.Equal(items[0]!.Id(), items[1]!.Id());
        Assert.Equal(("Ana", "Lopez"), (items[1]!["record"]!["firstName"]!.GetValue<string>(), items[1]!["record"]!["lastName"]!.GetValue<string>()));
        Assert.Equal(("One", "Two"), (items[3]!["record"]!["lastName"]!.GetValue<string>(), items[3]!["record"]!["title"]!.GetValue<string>()));
        Assert.NotNull(items[5]!["record"]!["archivedAt"]);
        Assert.Equal(["created", "updated"], (await ws.Http.GetJsonAsync($"/api/v1/audit?recordId={items[0]!.Id()}")).Data()
            .Select(e => e!["action"]!.GetValue<string>()).Order());
        Assert.Equal(["Ana", "Kept"], (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!["firstName"]!.GetValue<string>()).Order());

        // A unique custom field value taken by an earlier operation of the batch is a conflict for a later one.
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "deals", key = "externalId", label = "External id", type = "text", unique = true });
        var deals = await BatchAsync(ws.Http, "deals", new
        {
            operations = new object[]
            {
                new { op = "create", record = new { title = "First", customFields = new { externalId = "ERP-1" } } },
                new { op = "create", record = new { title = "Second", customFields = new { externalId = "ERP-1" } } },
                new { op = "upsert", matchBy = "customFields.externalId", record = new { title = "First again", customFields = new { externalId = "ERP-1" } } },
            },
        });
        Assert.Equal(["created", "failed", "updated"], Statuses(deals));
        Assert.Equal(409, deals["results"]![1]!["error"]!["status"]!.GetValue<int>());
        Assert.Equal(deals["results"]![0]!.Id(), deals["results"]![2]!.Id());
    }

    [Fact]
    public async Task An_atomic_batch_with_a_failure_writes_nothing_and_names_each_failed_field()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "companies", key = "tier", label = "Tier", type = "single_select", options = new[] { "a", "b" } });

        var response = await ws.Http.PostJsonAsync("/api/v1/companies/batch", new
        {
            atomic = true,
            operations = new object[]
            {
                new { op = "create", record = new { name = "Fine" } },
                new { op = "create", record = new { name = "Bad tier", customFields = new { tier = "z" } } },
                new { op = "archive", id = Guid.NewGuid() },
            },
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "operations[1].customFields.tier");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("operations[2]"));
        Assert.Equal("created", problem["results"]![0]!["status"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/companies")).Data());

        var fine = await BatchAsync(ws.Http, "companies", new { atomic = true, operations = new object[] { new { op = "create", record = new { name = "All good", customFields = new { tier = "a" } } } } });
        Assert.Equal(["created"], Statuses(fine));
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/companies")).Data());
    }

    [Fact]
    public async Task A_rep_batch_touches_only_what_the_rep_may_see_and_batches_are_bounded()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var others = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Not yours", emails = new[] { new { value = "shared@example.com" } } });

        var result = await BatchAsync(rep.Http, "contacts", new
        {
            operations = new object[]
            {
                new { op = "update", id = others.Id(), record = new { lastName = "Hijacked" } },
                new { op = "archive", id = others.Id() },
            },
        });
        Assert.Equal(["failed", "failed"], Statuses(result));
        Assert.All(result["results"]!.AsArray(), r => Assert.Equal(404, r!["error"]!["status"]!.GetValue<int>()));
        Assert.Null((await ws.Http.GetJsonAsync($"/api/v1/contacts/{others.Id()}"))["lastName"]);

        var tooMany = Enumerable.Range(0, 101).Select(i => new { op = "create", record = new { firstName = $"N{i}" } }).ToArray();
        await (await ws.Http.PostJsonAsync("/api/v1/contacts/batch", new { operations = tooMany })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "operations");
        await (await ws.Http.PostJsonAsync("/api/v1/contacts/batch", new { operations = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "operations");
        var hundred = Enumerable.Range(0, 100).Select(i => new { op = "create", record = new { firstName = $"N{i}" } }).ToArray();
        Assert.Equal(100, (await BatchAsync(ws.Http, "contacts", new { operations = hundred }))["created"]!.GetValue<int>());
    }
}
