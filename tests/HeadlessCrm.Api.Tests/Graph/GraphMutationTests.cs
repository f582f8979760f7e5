namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>Mutations take typed inputs and run REST's use cases: same rules, same errors (as userErrors), same idempotency store.</summary>
public sealed class GraphMutationTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task Create_and_update_a_contact_then_read_it_through_REST()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.DataAsync("""
            mutation { createContact(input: {firstName: "Ada", lastName: "Lindqvist", emails: [{value: "ada@example.com"}], source: REFERRAL}) {
              contact { id recordId firstName source version } userErrors { field message code } } }
            """);
        var contact = created["createContact"]!["contact"]!;
        Assert.Empty(created["createContact"]!["userErrors"]!.AsArray());
        Assert.Equal("REFERRAL", contact["source"]!.GetValue<string>());

        var updated = await ws.Http.DataAsync("""
            mutation($id: ID!, $v: String) { updateContact(id: $id, ifMatch: $v, patch: {title: "CTO", source: null}) {
              contact { title source } userErrors { field } } }
            """, new { id = contact["id"]!.GetValue<string>(), v = contact["version"]!.GetValue<string>() });
        Assert.Equal("CTO", updated["updateContact"]!["contact"]!["title"]!.GetValue<string>());

        var rest = await ws.Http.GetJsonAsync($"/api/v1/contacts/{contact["recordId"]!.GetValue<string>()}");
        Assert.Equal("CTO", rest["title"]!.GetValue<string>());
        Assert.Null(rest["source"]);
    }

    [Fact]
    public async Task A_rule_broken_is_a_user_error_naming_the_same_field_as_the_REST_problem()
    {
        var ws = await api.NewWorkspaceAsync();
        var body = new { title = "No currency", amount = 100, lostReason = new string('x', 501) };

        var result = await ws.Http.DataAsync("mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } userErrors { field message code } } }", new { input = body });
        var problem = await (await ws.Http.PostJsonAsync("/api/v1/deals", body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Null(result["createDeal"]!["deal"]);
        var errors = result["createDeal"]!["userErrors"]!.AsArray();
        Assert.Equal(problem["errors"]!.AsObject().Select(e => e.Key).Order(), errors.Select(e => e!["field"]!.GetValue<string>()).Order());
        Assert.Equal(["currency", "lostReason"], errors.Select(e => e!["field"]!.GetValue<string>()).Order());
        Assert.All(errors, e => Assert.Equal("VALIDATION_FAILED", e!["code"]!.GetValue<string>()));
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/deals")).Data());
    }

    [Fact]
    public async Task Nested_input_errors_name_the_REST_field_paths()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "tier", label = "Tier", type = "single_select", options = new[] { "gold", "silver" } });

        var badEmail = await ws.Http.DataAsync("""
            mutation { createContact(input: {firstName: "B", emails: [{value: "b@example.com"}, {value: "not-an-email"}]}) { contact { id } userErrors { field code } } }
            """);
        var badTier = await ws.Http.DataAsync("""
            mutation { createContact(input: {firstName: "B", customFields: {tier: "bronze"}}) { contact { id } userErrors { field code } } }
            """);

        Assert.Equal("emails[1].value", Assert.Single(badEmail["createContact"]!["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Equal("customFields.tier", Assert.Single(badTier["createContact"]!["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
        var notAnObject = await ws.Http.DataAsync("""
            mutation { createContact(input: {firstName: "B", customFields: "gold"}) { contact { id } userErrors { field code } } }
            """);
        Assert.Equal("customFields", Assert.Single(notAnObject["createContact"]!["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/contacts")).Data());
    }

    [Fact]
    public async Task An_unknown_field_or_enum_value_is_a_validation_error_and_nothing_is_written()
    {
        var ws = await api.NewWorkspaceAsync();
        var unknownField = await ws.Http.GraphAsync("""mutation { createCompany(input: {name: "X", colour: "red"}) { company { id } } }""");
        var wrongEnum = await ws.Http.GraphAsync("""mutation { createCompany(input: {name: "X", kind: VENDOR}) { company { id } } }""");
        var restSpelling = await ws.Http.GraphAsync("mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } } }",
            new { input = new { name = "X", kind = "partner" } });

        Assert.Null(unknownField["data"]);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Assert.Single(unknownField.Errors()).Code());
        Assert.Contains("Field \"colour\" is not defined by type \"CreateCompanyInput\"", Assert.Single(unknownField.Errors())["message"]!.GetValue<string>());
        Assert.Null(wrongEnum["data"]);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Assert.Single(wrongEnum.Errors()).Code());
        Assert.Contains("CompanyKind", Assert.Single(wrongEnum.Errors())["message"]!.GetValue<string>());
        Assert.Null(restSpelling["data"]);
        Assert.Equal("BAD_USER_INPUT", Assert.Single(restSpelling.Errors()).Code());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/companies")).Data());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_update_leaves_an_omitted_field_as_it_is_and_clears_an_explicit_null(bool throughVariables)
    {
        var ws = await api.NewWorkspaceAsync();
        var created = (await ws.Http.DataAsync("""
            mutation { createContact(input: {firstName: "Ada", lastName: "Lindqvist", title: "CEO", source: WEB_FORM, lifecycleStage: CUSTOMER,
              address: {city: "Malmö", country: "SE"}}) { contact { id } } }
            """))["createContact"]!["contact"]!;
        var id = created["id"]!.GetValue<string>();

        var updated = throughVariables
            ? await ws.Http.DataAsync("""
                mutation($id: ID!, $patch: UpdateContactInput!) { updateContact(id: $id, patch: $patch) {
                  contact { firstName lastName title source lifecycleStage address { city country } } userErrors { field } } }
                """, new { id, patch = new Dictionary<string, object?> { ["title"] = null, ["source"] = null, ["address"] = new { city = "Lund" } } })
            : await ws.Http.DataAsync("""
                mutation($id: ID!) { updateContact(id: $id, patch: {title: null, source: null, address: {city: "Lund"}}) {
                  contact { firstName lastName title source lifecycleStage address { city country } } userErrors { field } } }
                """, new { id });

        Assert.Empty(updated["updateContact"]!["userErrors"]!.AsArray());
        var contact = updated["updateContact"]!["contact"]!;
        Assert.Equal(["Ada", "Lindqvist", "CUSTOMER", "Lund", "SE"], new[]
        {
            contact["firstName"]!.GetValue<string>(), contact["lastName"]!.GetValue<string>(), contact["lifecycleStage"]!.GetValue<string>(),
            contact["address"]!["city"]!.GetValue<string>(), contact["address"]!["country"]!.GetValue<string>(),
        });
        Assert.Null(contact["title"]);
        Assert.Null(contact["source"]);
    }

    [Fact]
    public async Task A_stale_version_is_a_user_error()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = (await ws.Http.DataAsync("""mutation { createCompany(input: {name: "Y"}) { company { id } } }"""))["createCompany"]!["company"]!;
        var stale = await ws.Http.DataAsync("""mutation($id: ID!) { updateCompany(id: $id, ifMatch: "\"1\"", patch: {name: "Z"}) { company { name } userErrors { code } } }""",
            new { id = company["id"]!.GetValue<string>() });
        Assert.Equal("PRECONDITION_FAILED", stale["updateCompany"]!["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_payload_and_refuses_other_arguments()
    {
        var ws = await api.NewWorkspaceAsync();
        const string create = "mutation($name: String!, $key: String) { createCompany(input: {name: $name}, idempotencyKey: $key) { company { recordId name version } userErrors { field code } } }";

        var first = await ws.Http.DataAsync(create, new { name = "Once", key = "company-1" });
        var retry = await ws.Http.DataAsync(create, new { name = "Once", key = "company-1" });
        var other = await ws.Http.DataAsync(create, new { name = "Twice", key = "company-1" });

        Assert.Equal(first["createCompany"]!.ToJsonString(), retry["createCompany"]!.ToJsonString());
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/companies")).Data());
        Assert.Null(other["createCompany"]!["company"]);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", other["createCompany"]!["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deals_move_win_and_lose_with_the_rules_of_a_stage_change()
    {
        var ws = await api.NewWorkspaceAsync();
        var data = await ws.Http.DataAsync("""
            mutation { createDeal(input: {title: "Move me"}) { deal { id stage { name } pipeline { stages { id kind } } } } }
            """);
        var deal = data["createDeal"]!["deal"]!;
        var id = deal["id"]!.GetValue<string>();
        var lost = deal["pipeline"]!["stages"]!.AsArray().First(s => s!["kind"]!.GetValue<string>() == "LOST")!["id"]!.GetValue<string>();

        var refused = await ws.Http.DataAsync("mutation($id: ID!, $s: ID!) { moveDeal(id: $id, stageId: $s) { deal { status } userErrors { field code } } }", new { id, s = lost });
        Assert.Equal("lostReason", refused["moveDeal"]!["userErrors"]![0]!["field"]!.GetValue<string>());

        var lose = await ws.Http.DataAsync("""mutation($id: ID!) { loseDeal(id: $id, lostReason: "Budget") { deal { status lostReason stage { kind } } userErrors { field } } }""", new { id });
        Assert.Equal("LOST", lose["loseDeal"]!["deal"]!["status"]!.GetValue<string>());
        Assert.Equal("Budget", lose["loseDeal"]!["deal"]!["lostReason"]!.GetValue<string>());

        var win = await ws.Http.DataAsync("mutation($id: ID!) { winDeal(id: $id) { deal { status closedAt lostReason } } }", new { id });
        Assert.Equal("WON", win["winDeal"]!["deal"]!["status"]!.GetValue<string>());
        Assert.Null(win["winDeal"]!["deal"]!["lostReason"]);
        var history = await ws.Http.GetJsonAsync($"/api/v1/deals/{(await ws.Http.GetJsonAsync("/api/v1/deals")).Data()[0]!.Id()}/stage-history");
        Assert.Equal(3, history.Data().Count);
    }

    [Fact]
    public async Task Typed_timestamps_numbers_and_enums_reach_REST_as_REST_would_read_them()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.DataAsync("""
            mutation { createActivity(input: {type: CALL, direction: OUTBOUND, subject: "Renewal", occurredAt: "2027-01-05T09:00:00-05:00",
              durationSeconds: 300, outcome: "connected", tags: ["Renewal"]}) { activity { recordId } userErrors { field message } } }
            """);
        Assert.Empty(created["createActivity"]!["userErrors"]!.AsArray());

        var rest = await ws.Http.GetJsonAsync($"/api/v1/activities/{created["createActivity"]!["activity"]!["recordId"]!.GetValue<string>()}");
        Assert.Equal(["call", "outbound", "2027-01-05T14:00:00Z"],
            new[] { rest["type"]!.GetValue<string>(), rest["direction"]!.GetValue<string>(), rest["occurredAt"]!.GetValue<string>() });
        Assert.Equal(300, rest["durationSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Archive_and_restore_and_a_write_without_its_scope()
    {
        var ws = await api.NewWorkspaceAsync();
        var id = (await ws.Http.DataAsync("""mutation { createActivity(input: {type: NOTE, body: "Hi"}) { activity { id } } }"""))["createActivity"]!["activity"]!["id"]!.GetValue<string>();

        var archived = await ws.Http.DataAsync("mutation($id: ID!) { archiveActivity(id: $id) { activity { archivedAt } } }", new { id });
        Assert.NotNull(archived["archiveActivity"]!["activity"]!["archivedAt"]);
        Assert.Equal(0, (await ws.Http.DataAsync("{ activities { totalCount } }"))["activities"]!["totalCount"]!.GetValue<int>());
        var restored = await ws.Http.DataAsync("mutation($id: ID!) { restoreActivity(id: $id) { activity { archivedAt } } }", new { id });
        Assert.Null(restored["restoreActivity"]!["activity"]!["archivedAt"]);

        var readOnly = await ws.ClientWithScopesAsync("crm.activities.read");
        var refused = await readOnly.GraphAsync("mutation($id: ID!) { archiveActivity(id: $id) { activity { id } } }", new { id });
        Assert.Null(refused["data"]!["archiveActivity"]);
        Assert.Equal("FORBIDDEN", Assert.Single(refused.Errors()).Code());
    }

    [Fact]
    public async Task Pipelines_are_created_and_given_stages()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.DataAsync("""
            mutation { createPipeline(input: {name: "Renewals", stages: [{name: "Due", probability: 0.3}, {name: "Renewed", kind: WON, probability: 1}, {name: "Gone", kind: LOST, probability: 0}]}) {
              pipeline { id stages { name kind } } userErrors { field } } }
            """);
        Assert.True(created["createPipeline"]!["pipeline"] is not null, created.ToJsonString());
        var pipeline = created["createPipeline"]!["pipeline"]!;
        Assert.Equal(["Due", "Renewed", "Gone"], pipeline["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));

        var added = await ws.Http.DataAsync("""mutation($id: ID!) { addStage(pipelineId: $id, input: {name: "Quoted", position: 1, probability: 0.6}) { pipeline { stages { name } } userErrors { field message } } }""",
            new { id = pipeline["id"]!.GetValue<string>() });
        Assert.True(added["addStage"]!["pipeline"] is not null, added.ToJsonString());
        Assert.Equal(["Due", "Quoted", "Renewed", "Gone"], added["addStage"]!["pipeline"]!["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
    }
}
