namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>Lists, node(id:), filters and scopes through /graphql, held against what REST answers.</summary>
public sealed class GraphQueryTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task Companies_page_forward_with_cursors_and_an_opt_in_total()
    {
        var ws = await api.NewWorkspaceAsync();
        foreach (var name in new[] { "Cobalt", "Amber", "Birch" }) await ws.Http.CreateAsync("/api/v1/companies", new { name });
        const string query = """
            query($after: String) {
              companies(first: 2, after: $after, orderBy: {field: NAME}) {
                totalCount
                edges { cursor node { name } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

        var first = (await ws.Http.DataAsync(query))["companies"]!;
        Assert.Equal(3, first["totalCount"]!.GetValue<int>());
        Assert.Equal(["Amber", "Birch"], first.Nodes().Select(n => n["name"]!.GetValue<string>()));
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(first["edges"]![1]!["cursor"]!.GetValue<string>(), first["pageInfo"]!["endCursor"]!.GetValue<string>());

        var second = (await ws.Http.DataAsync(query, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["companies"]!;
        Assert.Equal(["Cobalt"], second.Nodes().Select(n => n["name"]!.GetValue<string>()));
        Assert.False(second["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Deals_order_descending_by_amount()
    {
        var ws = await api.NewWorkspaceAsync();
        foreach (var amount in new[] { 300, 100, 200 })
            await ws.Http.CreateAsync("/api/v1/deals", new { title = $"D{amount}", amount, currency = "EUR" });

        var data = await ws.Http.DataAsync("{ deals(orderBy: {field: AMOUNT, direction: DESC}) { nodes { title amount } } }");
        Assert.Equal(["D300", "D200", "D100"], data["deals"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal(300m, data["deals"]!["nodes"]![0]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_filter_with_relation_paths_finds_what_the_REST_search_finds()
    {
        var ws = await api.NewWorkspaceAsync();
        var bigPartner = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Big partner", kind = "partner", employeeCount = 500 });
        var smallPartner = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Small partner", kind = "partner", employeeCount = 10 });
        var atBig = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Big", companyId = bigPartner.Id(), source = "event" });
        var atSmall = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Small", companyId = smallPartner.Id(), source = "referral" });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "With Big", contactIds = new[] { atBig.Id() } });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "With Small", contactIds = new[] { atSmall.Id() } });
        var partnerFilter = new { and = new object[] { new { field = "company.kind", value = "partner" }, new { field = "company.employeeCount", op = "gt", value = 50 } } };
        var dealFilter = new { or = new object[] { new { field = "contacts.source", value = "event" }, new { not = new { field = "title", op = "contains", value = "Small" } } } };

        var contacts = await ws.Http.DataAsync("query($f: JSON) { contacts(filter: $f) { nodes { recordId } } }", new { f = partnerFilter });
        var restContacts = await (await ws.Http.PostJsonAsync("/api/v1/contacts/search", new { filter = partnerFilter })).JsonAsync();
        Assert.Equal([atBig.Id()], contacts["contacts"]!["nodes"]!.AsArray().Select(n => n!["recordId"]!.GetValue<string>()));
        Assert.Equal(restContacts.Data().Select(c => c!.Id()), contacts["contacts"]!["nodes"]!.AsArray().Select(n => n!["recordId"]!.GetValue<string>()));

        var deals = await ws.Http.DataAsync("query($f: JSON) { deals(filter: $f) { nodes { title } } }", new { f = dealFilter });
        var restDeals = await (await ws.Http.PostJsonAsync("/api/v1/deals/search", new { filter = dealFilter })).JsonAsync();
        Assert.Equal(["With Big"], deals["deals"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal(restDeals.Data().Select(d => d!["title"]!.GetValue<string>()), deals["deals"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_filter_it_cannot_run_is_an_error_naming_the_part()
    {
        var ws = await api.NewWorkspaceAsync();
        var result = await ws.Http.GraphAsync("""{ deals(filter: {field: "amount", op: "gt", value: "lots"}) { nodes { title } } }""");
        var error = Assert.Single(result.Errors());
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Equal("deals", error.PathText());
        Assert.Contains("filter", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Node_reads_any_record_of_the_callers_workspace_and_nothing_of_another()
    {
        var mine = await api.NewWorkspaceAsync();
        var other = await api.NewWorkspaceAsync();
        var deal = await mine.Http.CreateAsync("/api/v1/deals", new { title = "Secret" });
        var dealId = (await mine.Http.DataAsync($$"""{ deals { nodes { id recordId } } }"""))["deals"]!["nodes"]![0]!;
        Assert.Equal(deal.Id(), dealId["recordId"]!.GetValue<string>());
        const string query = "query($id: ID!) { node(id: $id) { id ... on Deal { title } } }";

        var seen = await mine.Http.DataAsync(query, new { id = dealId["id"]!.GetValue<string>() });
        Assert.Equal("Secret", seen["node"]!["title"]!.GetValue<string>());

        var fromOther = await other.Http.DataAsync(query, new { id = dealId["id"]!.GetValue<string>() });
        Assert.Null(fromOther["node"]);
    }

    [Fact]
    public async Task A_field_whose_scope_the_token_lacks_fails_alone_and_the_rest_is_served()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Hidden Co" });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ada", companyId = company.Id() });
        var contactsOnly = await ws.ClientWithScopesAsync("crm.contacts.read");

        var result = await contactsOnly.GraphAsync("{ contacts { nodes { firstName company { name } } } deals { totalCount } }");

        Assert.Equal("Ada", result["data"]!["contacts"]!["nodes"]![0]!["firstName"]!.GetValue<string>());
        Assert.Null(result["data"]!["contacts"]!["nodes"]![0]!["company"]);
        var errors = result.Errors().OrderBy(e => e.PathText()).ToArray();
        Assert.Equal(["contacts.nodes.0.company", "deals"], errors.Select(e => e.PathText()));
        Assert.All(errors, e => Assert.Equal("FORBIDDEN", e.Code()));
        Assert.Equal(["crm.companies.read", "crm.deals.read"], errors.Select(e => e["extensions"]!["scope"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_rep_sees_their_own_records_and_a_manager_their_teams()
    {
        var ws = await api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("North");
        var manager = await ws.MemberAsync("manager", team);
        var rep = await ws.MemberAsync("rep", team);
        var otherRep = await ws.MemberAsync("rep");
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Rep's", ownerId = rep.Id });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Other's", ownerId = otherRep.Id });
        const string query = "{ deals(orderBy: {field: CREATED_AT}) { totalCount nodes { title id } } }";

        static string[] Titles(JsonNode data) => data["deals"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToArray();
        Assert.Equal(["Rep's"], Titles(await rep.Http.DataAsync(query)));
        Assert.Equal(["Rep's"], Titles(await manager.Http.DataAsync(query)));
        var all = await ws.Http.DataAsync(query);
        Assert.Equal(["Rep's", "Other's"], Titles(all));

        var othersId = all["deals"]!["nodes"]![1]!["id"]!.GetValue<string>();
        var asRep = await rep.Http.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = othersId });
        Assert.Null(asRep["node"]);
    }

    [Fact]
    public async Task Without_a_token_graphql_is_401()
    {
        using var http = api.CreateClient();
        var response = await http.PostJsonAsync("/graphql", new { query = "{ deals { totalCount } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
