namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>
/// DataLoaders keep the number of SQL statements of a query fixed whatever the page size. Counted: every command the
/// CrmDbContext sends while the /graphql request runs (the workspace SET travels in front of each query, in the same
/// command, so it adds none). Authentication with a client-credentials JWT sends none.
/// </summary>
public sealed class GraphBatchingTests(StatementCountingHost api) : IClassFixture<StatementCountingHost>
{
    private const string DealsWithEverything = """
        query($first: Int!) {
          deals(first: $first) {
            edges { node {
              title
              stage { name kind }
              pipeline { name }
              company { name }
              contacts { nodes { firstName } }
              activities(first: 5) { nodes { subject } }
            } }
          }
        }
        """;

    [Fact]
    public async Task A_page_of_deals_with_stage_company_contacts_and_last_activities_runs_the_same_statements_for_10_and_100()
    {
        var ws = await api.NewWorkspaceAsync();
        var companies = new List<string>();
        for (var i = 0; i < 5; i++) companies.Add((await ws.Http.CreateAsync("/api/v1/companies", new { name = $"Co {i}" })).Id());
        var contacts = new List<string>();
        for (var i = 0; i < 10; i++) contacts.Add((await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = $"P{i}" })).Id());
        var deals = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            deals.Add((await ws.Http.CreateAsync("/api/v1/deals", new
            {
                title = $"Deal {i}",
                companyId = companies[i % 5],
                contactIds = new[] { contacts[i % 10], contacts[(i + 1) % 10] },
            })).Id());
        }
        for (var i = 0; i < 7; i++)
            await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = $"Call {i}", dealId = deals[99], occurredAt = DateTime.UtcNow.AddMinutes(-i) });

        var ten = await StatementsAsync(ws, 10);
        var hundred = await StatementsAsync(ws, 100);

        // The deals page (with their contact ids), then one statement each for stages, pipelines, companies, contacts
        // and the activities (ranked per deal): a list level costs one statement, whatever its length.
        Assert.True(ten.Count == 6, string.Join("\n---\n", ten));
        Assert.Equal(ten.Count, hundred.Count);
    }

    [Fact]
    public async Task Relations_read_through_the_loaders_hold_the_right_records()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme" });
        var ada = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ada", companyId = company.Id() });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Big", companyId = company.Id(), contactIds = new[] { ada.Id() } });
        for (var i = 0; i < 7; i++)
            await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", subject = $"N{i}", dealId = deal.Id(), contactId = ada.Id(), occurredAt = DateTime.UtcNow.AddHours(-i) });

        var data = await ws.Http.DataAsync("""
            {
              companies { nodes { name contacts { nodes { firstName company { name } } } deals { nodes { title } } } }
              deals { nodes { activities(first: 3) { nodes { subject } } contacts { nodes { firstName timeline(first: 2) { edges { node { kind activity { subject } } } } } } } }
              pipelines { nodes { name stages { name deals { nodes { title stage { name } } } } } }
            }
            """);

        var acme = data["companies"]!["nodes"]![0]!;
        Assert.Equal("Ada", acme["contacts"]!["nodes"]![0]!["firstName"]!.GetValue<string>());
        Assert.Equal("Acme", acme["contacts"]!["nodes"]![0]!["company"]!["name"]!.GetValue<string>());
        Assert.Equal("Big", acme["deals"]!["nodes"]![0]!["title"]!.GetValue<string>());
        var big = data["deals"]!["nodes"]![0]!;
        Assert.Equal(["N0", "N1", "N2"], big["activities"]!["nodes"]!.AsArray().Select(a => a!["subject"]!.GetValue<string>()));
        var timeline = big["contacts"]!["nodes"]![0]!["timeline"]!["edges"]!.AsArray();
        Assert.Equal("N0", timeline[0]!["node"]!["activity"]!["subject"]!.GetValue<string>());
        Assert.Equal("stage_change", timeline[1]!["node"]!["kind"]!.GetValue<string>());
        var firstStage = data["pipelines"]!["nodes"]![0]!["stages"]![0]!;
        Assert.Equal("Big", firstStage["deals"]!["nodes"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(firstStage["name"]!.GetValue<string>(), firstStage["deals"]!["nodes"]![0]!["stage"]!["name"]!.GetValue<string>());
    }

    private const string ContactsWithTimelines = """
        query($first: Int!) {
          contacts(first: $first, orderBy: {field: CREATED_AT}) {
            nodes { firstName timeline(first: 5) { edges { cursor node { kind activity { subject } stageChange { dealId } } } pageInfo { hasNextPage } } }
          }
        }
        """;

    private const string CompaniesWithContactsAndTheirDeals = """
        query($first: Int!) {
          companies(first: $first, orderBy: {field: CREATED_AT}) {
            nodes { name contacts(first: 3) { pageInfo { hasNextPage } nodes { firstName deals(first: 2) { pageInfo { hasNextPage } nodes { title } } } } }
          }
        }
        """;

    [Fact]
    public async Task A_page_of_contacts_with_their_timelines_runs_the_same_statements_for_10_and_100()
    {
        var ws = await api.NewWorkspaceAsync();
        var contacts = new List<string>();
        for (var i = 0; i < 100; i++) contacts.Add((await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = $"P{i:00}" })).Id());
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Shared", contactIds = new[] { contacts[0], contacts[99] } });
        foreach (var contact in new[] { contacts[0], contacts[99] })
            for (var i = 0; i < 6; i++)
                await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = $"Call {i}", contactId = contact, occurredAt = DateTime.UtcNow.AddHours(-i - 1) });

        var ten = await CountStatementsAsync(ws, ContactsWithTimelines, 10, data => AssertTimelines(data, 10));
        var hundred = await CountStatementsAsync(ws, ContactsWithTimelines, 100, data => AssertTimelines(data, 100));

        // The contacts page; the timelines' keys ranked per contact; the page's activities; its stage changes.
        Assert.True(ten.Count == 4, string.Join("\n---\n", ten));
        Assert.Equal(ten.Count, hundred.Count);
    }

    private static void AssertTimelines(JsonNode data, int count)
    {
        var contacts = data["contacts"]!["nodes"]!.AsArray();
        Assert.Equal(count, contacts.Count);
        var first = contacts[0]!["timeline"]!;
        // 6 calls and the shared deal entering its first stage (just now, so first): 5 shown, more to come.
        Assert.Equal(["stage_change", "activity", "activity", "activity", "activity"], first.Nodes().Select(n => n["kind"]!.GetValue<string>()));
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.All(first["edges"]!.AsArray(), e => Assert.NotEmpty(e!["cursor"]!.GetValue<string>()));
        Assert.Empty(contacts[1]!["timeline"]!["edges"]!.AsArray());
        Assert.False(contacts[1]!["timeline"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_page_of_companies_with_contacts_and_their_deals_runs_the_same_statements_for_10_and_100()
    {
        var ws = await api.NewWorkspaceAsync();
        var companies = new List<string>();
        for (var i = 0; i < 100; i++) companies.Add((await ws.Http.CreateAsync("/api/v1/companies", new { name = $"Co {i:00}" })).Id());
        var contacts = new List<string>();
        for (var i = 0; i < 4; i++) contacts.Add((await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = $"P{i}", companyId = companies[0] })).Id());
        for (var i = 0; i < 3; i++) await ws.Http.CreateAsync("/api/v1/deals", new { title = $"D{i}", contactIds = new[] { contacts[3] } });

        var ten = await CountStatementsAsync(ws, CompaniesWithContactsAndTheirDeals, 10, data => AssertCompanies(data, 10));
        var hundred = await CountStatementsAsync(ws, CompaniesWithContactsAndTheirDeals, 100, data => AssertCompanies(data, 100));

        // The companies page, their contacts (ranked per company), the contacts' deals (ranked per contact).
        Assert.True(ten.Count == 3, string.Join("\n---\n", ten));
        Assert.Equal(ten.Count, hundred.Count);
    }

    private static void AssertCompanies(JsonNode data, int count)
    {
        var companies = data["companies"]!["nodes"]!.AsArray();
        Assert.Equal(count, companies.Count);
        var contacts = companies[0]!["contacts"]!;
        Assert.Equal(["P3", "P2", "P1"], contacts["nodes"]!.AsArray().Select(c => c!["firstName"]!.GetValue<string>()));
        Assert.True(contacts["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var deals = contacts["nodes"]![0]!["deals"]!;
        Assert.Equal(["D2", "D1"], deals["nodes"]!.AsArray().Select(d => d!["title"]!.GetValue<string>()));
        Assert.True(deals["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Empty(contacts["nodes"]![1]!["deals"]!["nodes"]!.AsArray());
        Assert.Empty(companies[1]!["contacts"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Nested_lists_page_per_parent_with_cursors_and_totals()
    {
        var ws = await api.NewWorkspaceAsync();
        var acme = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme" });
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Birch" });
        for (var i = 0; i < 5; i++) await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = $"C{i}", companyId = acme.Id() });
        const string page = """
            query($after: String) {
              companies(orderBy: {field: NAME}) { nodes { name contacts(first: 2, after: $after) {
                totalCount edges { cursor node { firstName } } pageInfo { hasNextPage endCursor } } } }
            }
            """;

        var firstPage = (await ws.Http.DataAsync(page))["companies"]!["nodes"]!;
        var acmeContacts = firstPage[0]!["contacts"]!;
        Assert.Equal(["C4", "C3"], acmeContacts.Nodes().Select(n => n["firstName"]!.GetValue<string>()));
        Assert.Equal(5, acmeContacts["totalCount"]!.GetValue<int>());
        Assert.True(acmeContacts["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(acmeContacts["edges"]![1]!["cursor"]!.GetValue<string>(), acmeContacts["pageInfo"]!["endCursor"]!.GetValue<string>());
        Assert.Equal(0, firstPage[1]!["contacts"]!["totalCount"]!.GetValue<int>());
        Assert.False(firstPage[1]!["contacts"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Null(firstPage[1]!["contacts"]!["pageInfo"]!["endCursor"]);

        var after = acmeContacts["pageInfo"]!["endCursor"]!.GetValue<string>();
        var names = new List<string>();
        JsonNode next;
        do
        {
            next = (await ws.Http.DataAsync(page, new { after }))["companies"]!["nodes"]![0]!["contacts"]!;
            names.AddRange(next.Nodes().Select(n => n["firstName"]!.GetValue<string>()));
            after = next["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (next["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["C2", "C1", "C0"], names);

        // REST lists the company's contacts newest first in the same order.
        var rest = await ws.Http.GetJsonAsync($"/api/v1/contacts?companyId={acme.Id()}&sort=-createdAt");
        Assert.Equal(["C4", "C3", "C2", "C1", "C0"], rest.Data().Select(c => c!["firstName"]!.GetValue<string>()));

        var foreign = await ws.Http.GraphAsync("""{ companies { nodes { contacts(after: "not-a-cursor") { totalCount } } } }""");
        Assert.Equal("BAD_USER_INPUT", foreign.Errors()[0].Code());
    }

    [Fact]
    public async Task The_nested_timeline_pages_as_REST_with_the_same_cursors()
    {
        var ws = await api.NewWorkspaceAsync();
        var ada = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ada" });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Bob" });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Big", contactIds = new[] { ada.Id() }, });
        for (var i = 0; i < 4; i++)
            await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", subject = $"N{i}", contactId = ada.Id(), occurredAt = DateTime.UtcNow.AddHours(-i - 1) });
        const string page = """
            query($after: String) {
              contacts(orderBy: {field: NAME}) { nodes { firstName timeline(first: 2, after: $after) {
                totalCount edges { cursor node { kind at activity { recordId } stageChange { dealId } } } pageInfo { hasNextPage endCursor } } } }
            }
            """;

        var entries = new List<string>();
        var cursors = new List<string?>();
        string? after = null;
        JsonNode timeline;
        do
        {
            var contacts = (await ws.Http.DataAsync(page, new { after }))["contacts"]!["nodes"]!;
            Assert.Equal(0, contacts[1]!["timeline"]!["totalCount"]!.GetValue<int>());
            timeline = contacts[0]!["timeline"]!;
            Assert.Equal(5, timeline["totalCount"]!.GetValue<int>());
            entries.AddRange(timeline.Nodes().Select(EntryKey));
            after = timeline["pageInfo"]!["endCursor"]?.GetValue<string>();
            cursors.Add(timeline["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? after : null);
        }
        while (timeline["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        // REST pages the same entries in the same order, and its nextCursor is GraphQL's endCursor.
        var restEntries = new List<string>();
        var restCursors = new List<string?>();
        string? cursor = null;
        do
        {
            var restPage = await ws.Http.GetJsonAsync($"/api/v1/contacts/{ada.Id()}/timeline?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            restEntries.AddRange(restPage.Data().Select(e => EntryKey(e!)));
            cursor = restPage["nextCursor"]?.GetValue<string>();
            restCursors.Add(cursor);
        }
        while (cursor is not null);
        Assert.Equal(5, entries.Count);
        Assert.Equal(restEntries, entries);
        Assert.Equal(restCursors, cursors);
    }

    private static string EntryKey(JsonNode entry) =>
        entry["kind"]!.GetValue<string>() + ":" + (entry["activity"]?["recordId"] ?? entry["activity"]?["id"] ?? entry["stageChange"]!["dealId"])!.GetValue<string>();

    [Fact]
    public async Task A_reps_nested_lists_and_timelines_hold_only_what_they_see_as_in_REST()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme", ownerId = rep.Id });
        var mine = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine", companyId = company.Id(), ownerId = rep.Id });
        var theirs = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Theirs", companyId = company.Id() });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "My deal", companyId = company.Id(), contactIds = new[] { mine.Id(), theirs.Id() }, ownerId = rep.Id });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Their deal", companyId = company.Id(), contactIds = new[] { mine.Id() } });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "My call", contactId = mine.Id(), ownerId = rep.Id });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Their call", contactId = mine.Id() });

        var data = await rep.Http.DataAsync("""
            {
              companies(first: 1) { nodes {
                contacts(first: 5) { totalCount nodes { firstName
                  deals(first: 5) { totalCount nodes { title } }
                  activities(first: 5) { totalCount nodes { subject } }
                  timeline(first: 20) { totalCount nodes { kind activity { recordId subject } stageChange { dealId } } } } }
                deals(first: 5) { totalCount nodes { title contacts(first: 5) { totalCount nodes { firstName } } } } } }
            }
            """);

        var acme = data["companies"]!["nodes"]![0]!;
        var contact = Assert.Single(acme["contacts"]!["nodes"]!.AsArray())!;
        Assert.Equal(1, acme["contacts"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("Mine", contact["firstName"]!.GetValue<string>());
        Assert.Equal(["My deal"], contact["deals"]!["nodes"]!.AsArray().Select(d => d!["title"]!.GetValue<string>()));
        Assert.Equal(["My call"], contact["activities"]!["nodes"]!.AsArray().Select(a => a!["subject"]!.GetValue<string>()));
        var deal = Assert.Single(acme["deals"]!["nodes"]!.AsArray())!;
        Assert.Equal("My deal", deal["title"]!.GetValue<string>());
        Assert.Equal(["Mine"], deal["contacts"]!["nodes"]!.AsArray().Select(c => c!["firstName"]!.GetValue<string>()));
        Assert.Equal(1, deal["contacts"]!["totalCount"]!.GetValue<int>());

        var timeline = contact["timeline"]!;
        var rest = await rep.Http.GetJsonAsync($"/api/v1/contacts/{mine.Id()}/timeline?limit=100");
        Assert.Equal(rest.Data().Select(e => EntryKey(e!)), timeline["nodes"]!.AsArray().Select(e => EntryKey(e!)));
        Assert.Equal(2, timeline["totalCount"]!.GetValue<int>());
        Assert.Equal(["activity", "stage_change"], timeline["nodes"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Records_are_read_with_the_columns_the_selection_asks_for_and_a_record_asked_for_more_elsewhere_is_whole_there()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme", industry = "Rockets", tags = new[] { "vip" } });
        var ada = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Ada", lastName = "Lovelace", companyId = company.Id(), emails = new[] { new { value = "ada@example.com" } },
        });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Big", amount = 10, currency = "EUR", companyId = company.Id(), contactIds = new[] { ada.Id() } });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", subject = "Hello", body = "Long text", dealId = deal.Id(), companyId = company.Id() });

        JsonNode data;
        IReadOnlyList<string> statements;
        await ws.Http.DataAsync("{ __typename }");
        using (api.Statements.Record())
        {
            data = await ws.Http.DataAsync("""
                {
                  deals { nodes { title company { name } contacts { nodes { firstName } }
                    activities { nodes { subject company { industry tags } ... on Activity { body } } } } }
                  contacts { edges { node { lastName recordId version emails { value } } } }
                }
                """);
            statements = api.Statements.Commands;
        }

        var big = data["deals"]!["nodes"]![0]!;
        Assert.Equal("Big", big["title"]!.GetValue<string>());
        Assert.Equal("Acme", big["company"]!["name"]!.GetValue<string>());
        Assert.Equal("Ada", big["contacts"]!["nodes"]![0]!["firstName"]!.GetValue<string>());
        var note = big["activities"]!["nodes"]![0]!;
        Assert.Equal("Hello", note["subject"]!.GetValue<string>());
        Assert.Equal("Long text", note["body"]!.GetValue<string>());
        // The same company, asked for other fields under the activity: read with those, not handed the short one.
        Assert.Equal("Rockets", note["company"]!["industry"]!.GetValue<string>());
        Assert.Equal(["vip"], note["company"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var lovelace = data["contacts"]!["edges"]![0]!["node"]!;
        Assert.Equal("Lovelace", lovelace["lastName"]!.GetValue<string>());
        Assert.Equal(ada.Id(), lovelace["recordId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(lovelace["version"]!.GetValue<string>()));
        Assert.Equal("ada@example.com", lovelace["emails"]![0]!["value"]!.GetValue<string>());

        // The deals page reads no column it was not asked for (nor its contact links); the nested contacts neither.
        var dealsPage = statements.Single(s => s.Contains("FROM deals", StringComparison.Ordinal) && !s.Contains("LATERAL", StringComparison.Ordinal));
        Assert.DoesNotContain("custom_fields", dealsPage);
        Assert.DoesNotContain("deal_contacts", dealsPage);
        var dealContacts = statements.Single(s => s.Contains("deal_contacts", StringComparison.Ordinal));
        Assert.DoesNotContain("emails", dealContacts);
        Assert.DoesNotContain("last_name", dealContacts);
    }

    private async Task<IReadOnlyList<string>> CountStatementsAsync(TestWorkspace ws, string query, int first, Action<JsonNode> check)
    {
        JsonNode data;
        IReadOnlyList<string> statements;
        await ws.Http.DataAsync("{ __typename }"); // refreshes the token's cached revocation check (see StatementsAsync)
        using (api.Statements.Record())
        {
            data = await ws.Http.DataAsync(query, new { first });
            statements = api.Statements.Commands;
        }
        check(data);
        return statements;
    }

    private async Task<IReadOnlyList<string>> StatementsAsync(TestWorkspace ws, int first)
    {
        JsonNode data;
        IReadOnlyList<string> statements;
        // The token's revocation check is cached for seconds; refresh it here, or a slow set-up (a loaded machine) lets
        // it expire and its lookup lands in the count.
        await ws.Http.DataAsync("{ __typename }");
        using (api.Statements.Record())
        {
            data = await ws.Http.DataAsync(DealsWithEverything, new { first });
            statements = api.Statements.Commands;
        }
        Assert.Equal(first, data["deals"]!["edges"]!.AsArray().Count);
        var withActivities = data["deals"]!["edges"]!.AsArray().Select(e => e!["node"]!).Single(n => n["title"]!.GetValue<string>() == "Deal 99");
        Assert.Equal(5, withActivities["activities"]!["nodes"]!.AsArray().Count);
        Assert.Equal(2, withActivities["contacts"]!["nodes"]!.AsArray().Count);
        Assert.NotNull(withActivities["company"]!["name"]);
        return statements;
    }
}
