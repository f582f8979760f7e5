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
              contacts { firstName }
              activities(last: 5) { subject }
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
              companies { nodes { name contacts { firstName company { name } } deals { title } } }
              deals { nodes { activities(last: 3) { subject } contacts { firstName timeline(first: 2) { edges { node { kind activity { subject } } } } } } }
              pipelines { nodes { name stages { name deals { title stage { name } } } } }
            }
            """);

        var acme = data["companies"]!["nodes"]![0]!;
        Assert.Equal("Ada", acme["contacts"]![0]!["firstName"]!.GetValue<string>());
        Assert.Equal("Acme", acme["contacts"]![0]!["company"]!["name"]!.GetValue<string>());
        Assert.Equal("Big", acme["deals"]![0]!["title"]!.GetValue<string>());
        var big = data["deals"]!["nodes"]![0]!;
        Assert.Equal(["N0", "N1", "N2"], big["activities"]!.AsArray().Select(a => a!["subject"]!.GetValue<string>()));
        var timeline = big["contacts"]![0]!["timeline"]!["edges"]!.AsArray();
        Assert.Equal("N0", timeline[0]!["node"]!["activity"]!["subject"]!.GetValue<string>());
        Assert.Equal("stage_change", timeline[1]!["node"]!["kind"]!.GetValue<string>());
        var firstStage = data["pipelines"]!["nodes"]![0]!["stages"]![0]!;
        Assert.Equal("Big", firstStage["deals"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(firstStage["name"]!.GetValue<string>(), firstStage["deals"]![0]!["stage"]!["name"]!.GetValue<string>());
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
        Assert.Equal(5, withActivities["activities"]!.AsArray().Count);
        Assert.Equal(2, withActivities["contacts"]!.AsArray().Count);
        Assert.NotNull(withActivities["company"]!["name"]);
        return statements;
    }
}
