namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>Webhooks, custom fields, segments, web forms, automation rules and date reminders set up through GraphQL, as through REST.</summary>
public sealed class GraphSettingsMutationTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_webhook_is_created_with_its_secret_once_changed_paused_rotated_and_deleted()
    {
        var ws = await api.NewWorkspaceAsync();
        const string create = """
            mutation { createWebhook(input: {targetUrl: "https://hooks.example.com/crm", eventTypes: ["deal.won"]}, idempotencyKey: "hook-1") {
              webhook { id recordId targetUrl eventTypes status } secret userErrors { field } } }
            """;
        var created = (await ws.Http.DataAsync(create))["createWebhook"]!;
        var replayed = (await ws.Http.DataAsync(create))["createWebhook"]!;
        var id = created["webhook"]!["id"]!.GetValue<string>();
        Assert.StartsWith("whsec_", created["secret"]!.GetValue<string>());
        Assert.Equal(created.ToJsonString(), replayed.ToJsonString());
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/webhooks")).Data());

        var updated = (await ws.Http.DataAsync("""mutation($id: ID!) { updateWebhook(id: $id, patch: {eventTypes: ["deal.won", "deal.lost"]}) { webhook { eventTypes } userErrors { field } } }""", new { id }))["updateWebhook"]!;
        Assert.Equal(["deal.won", "deal.lost"], updated["webhook"]!["eventTypes"]!.AsArray().Select(e => e!.GetValue<string>()));
        var paused = (await ws.Http.DataAsync("mutation($id: ID!) { pauseWebhook(id: $id) { webhook { status pausedReason } userErrors { field } } }", new { id }))["pauseWebhook"]!;
        Assert.Equal("paused", paused["webhook"]!["status"]!.GetValue<string>());
        var resumed = (await ws.Http.DataAsync("mutation($id: ID!) { resumeWebhook(id: $id) { webhook { status } userErrors { field } } }", new { id }))["resumeWebhook"]!;
        Assert.Equal("active", resumed["webhook"]!["status"]!.GetValue<string>());
        var rotated = (await ws.Http.DataAsync("mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret userErrors { field } } }", new { id }))["rotateWebhookSecret"]!;
        Assert.NotEqual(created["secret"]!.GetValue<string>(), rotated["secret"]!.GetValue<string>());
        var badReplay = (await ws.Http.DataAsync("mutation($id: ID!) { replayWebhook(id: $id, input: {}) { scheduled userErrors { field code } } }", new { id }))["replayWebhook"]!;
        Assert.Equal("eventId", Assert.Single(badReplay["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Equal("https://hooks.example.com/crm",
            (await ws.Http.DataAsync("query($id: ID!) { node(id: $id) { ... on Webhook { targetUrl } } }", new { id }))["node"]!["targetUrl"]!.GetValue<string>());

        var deleted = (await ws.Http.DataAsync("mutation($id: ID!) { deleteWebhook(id: $id) { deletedId userErrors { field } } }", new { id }))["deleteWebhook"]!;
        Assert.Equal(id, deleted["deletedId"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/webhooks")).Data());
        var again = (await ws.Http.DataAsync("mutation($id: ID!) { deleteWebhook(id: $id) { deletedId userErrors { code } } }", new { id }))["deleteWebhook"]!;
        Assert.Null(again["deletedId"]);
        Assert.Equal("NOT_FOUND", Assert.Single(again["userErrors"]!.AsArray())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_webhook_target_REST_refuses_is_a_user_error_on_the_same_field()
    {
        var ws = await api.NewWorkspaceAsync();
        var body = new { targetUrl = "http://example.com/hook", eventTypes = new[] { "nope" } };
        var result = (await ws.Http.DataAsync("mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } secret userErrors { field code } } }",
            new { input = body }))["createWebhook"]!;
        var problem = await (await ws.Http.PostJsonAsync("/api/v1/webhooks", body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Null(result["secret"]);
        Assert.Equal(problem["errors"]!.AsObject().Select(e => e.Key).Order(), result["userErrors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order());
        Assert.Equal(["eventTypes", "targetUrl"], result["userErrors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Custom_fields_are_defined_changed_listed_and_deleted_with_REST_rules()
    {
        var ws = await api.NewWorkspaceAsync();
        const string create = """
            mutation($key: String) { createCustomField(input: {object: "contacts", key: $key, label: "Tier", type: SINGLE_SELECT, options: ["gold"]}) {
              customField { id key type options } userErrors { field code } } }
            """;
        var field = (await ws.Http.DataAsync(create, new { key = "tier" }))["createCustomField"]!["customField"]!;
        Assert.Equal("SINGLE_SELECT", field["type"]!.GetValue<string>());
        var duplicate = (await ws.Http.DataAsync(create, new { key = "tier" }))["createCustomField"]!;
        Assert.Equal(("key", "CONFLICT"), Pair(Assert.Single(duplicate["userErrors"]!.AsArray())!));
        var badKey = (await ws.Http.DataAsync(create, new { key = "Tier Level" }))["createCustomField"]!;
        Assert.Equal(("key", "VALIDATION_FAILED"), Pair(Assert.Single(badKey["userErrors"]!.AsArray())!));

        var id = field["id"]!.GetValue<string>();
        var removedOption = (await ws.Http.DataAsync("""mutation($id: ID!) { updateCustomField(id: $id, patch: {options: ["silver"]}) { customField { options } userErrors { field } } }""", new { id }))["updateCustomField"]!;
        Assert.Equal("options", Assert.Single(removedOption["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
        var added = (await ws.Http.DataAsync("""mutation($id: ID!) { updateCustomField(id: $id, patch: {options: ["gold", "silver"]}) { customField { options } userErrors { field } } }""", new { id }))["updateCustomField"]!;
        Assert.Equal(["gold", "silver"], added["customField"]!["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["tier"], (await ws.Http.DataAsync("""{ customFields(object: "contacts") { key } }"""))["customFields"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()));

        Assert.Equal(id, (await ws.Http.DataAsync("mutation($id: ID!) { deleteCustomField(id: $id) { deletedId } }", new { id }))["deleteCustomField"]!["deletedId"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/custom-fields")).Data());
    }

    [Fact]
    public async Task Segments_are_saved_changed_and_deleted_with_the_write_scope_of_their_records()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = (await ws.Http.DataAsync("""
            mutation { createSegment(input: {name: "Customers", object: "contacts", filter: {field: "lifecycleStage", value: "customer"}}) {
              segment { id recordId name object filter } userErrors { field } } }
            """))["createSegment"]!["segment"]!;
        Assert.Equal("customer", created["filter"]!["value"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();
        var badFilter = (await ws.Http.DataAsync("""mutation($id: ID!) { updateSegment(id: $id, patch: {filter: {field: "shoeSize", value: 42}}) { segment { id } userErrors { field code } } }""", new { id }))["updateSegment"]!;
        var problem = await (await ws.Http.PatchJsonAsync($"/api/v1/segments/{created["recordId"]!.GetValue<string>()}", new { filter = new { field = "shoeSize", value = 42 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(problem["errors"]!.AsObject().Single().Key, Assert.Single(badFilter["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
        var renamed = (await ws.Http.DataAsync("""mutation($id: ID!) { updateSegment(id: $id, patch: {name: "Paying"}) { segment { name filter } } }""", new { id }))["updateSegment"]!["segment"]!;
        Assert.Equal("Paying", renamed["name"]!.GetValue<string>());
        Assert.Equal("lifecycleStage", renamed["filter"]!["field"]!.GetValue<string>());

        var reader = await ws.ClientWithScopesAsync("crm.contacts.read");
        var refused = await reader.GraphAsync("""mutation($id: ID!) { deleteSegment(id: $id) { deletedId } }""", new { id });
        Assert.Equal("crm.contacts.write", Assert.Single(refused.Errors())["extensions"]!["scope"]!.GetValue<string>());
        Assert.Equal(id, (await ws.Http.DataAsync("mutation($id: ID!) { deleteSegment(id: $id) { deletedId } }", new { id }))["deleteSegment"]!["deletedId"]!.GetValue<string>());
        await (await ws.Http.GetAsync($"/api/v1/segments/{created["recordId"]!.GetValue<string>()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Web_forms_automation_rules_and_date_reminders_are_created_listed_and_deleted()
    {
        var ws = await api.NewWorkspaceAsync();
        var form = (await ws.Http.DataAsync("""
            mutation { createWebForm(input: {name: "Demo request", allowedOrigins: ["https://www.example.com"]}) { webForm { id formKey submitUrl fieldMap } userErrors { field } } }
            """))["createWebForm"]!["webForm"]!;
        Assert.Equal("email", form["fieldMap"]!["email"]!.GetValue<string>());
        var noEmail = (await ws.Http.DataAsync("""mutation { createWebForm(input: {name: "X", fieldMap: {name: "firstName"}}) { webForm { id } userErrors { field } } }"""))["createWebForm"]!;
        Assert.Equal("fieldMap", Assert.Single(noEmail["userErrors"]!.AsArray())!["field"]!.GetValue<string>());

        var rule = (await ws.Http.DataAsync("""
            mutation { createAutomationRule(input: {name: "Follow up", trigger: {eventType: "deal.won"}, actions: [{type: "create_task", subject: "Say thanks", dueInDays: 2}]}) {
              automationRule { id name trigger { eventType } actions { type subject dueInDays } } userErrors { field } } }
            """))["createAutomationRule"]!["automationRule"]!;
        Assert.Equal("Say thanks", rule["actions"]![0]!["subject"]!.GetValue<string>());
        var noSubject = (await ws.Http.DataAsync("""
            mutation { createAutomationRule(input: {name: "X", trigger: {eventType: "deal.won"}, actions: [{type: "create_task"}]}) { automationRule { id } userErrors { field } } }
            """))["createAutomationRule"]!;
        Assert.Equal("actions[0].subject", Assert.Single(noSubject["userErrors"]!.AsArray())!["field"]!.GetValue<string>());

        var reminder = (await ws.Http.DataAsync("""
            mutation { createDateReminder(input: {object: "contacts", field: "birthday", daysBefore: 3}) { dateReminder { id field daysBefore yearly } userErrors { field } } }
            """))["createDateReminder"]!["dateReminder"]!;
        Assert.True(reminder["yearly"]!.GetValue<bool>());
        var notADate = (await ws.Http.DataAsync("""mutation { createDateReminder(input: {object: "contacts", field: "firstName"}) { dateReminder { id } userErrors { field } } }"""))["createDateReminder"]!;
        Assert.Equal("field", Assert.Single(notADate["userErrors"]!.AsArray())!["field"]!.GetValue<string>());

        var lists = await ws.Http.DataAsync("{ webForms { name } automationRules { name } dateReminders { field } }");
        Assert.Equal(["Demo request", "Follow up", "birthday"], new[] { lists["webForms"]![0]!["name"], lists["automationRules"]![0]!["name"], lists["dateReminders"]![0]!["field"] }.Select(v => v!.GetValue<string>()));

        var deleted = await ws.Http.DataAsync("""
            mutation($form: ID!, $rule: ID!, $reminder: ID!) {
              deleteWebForm(id: $form) { deletedId } deleteAutomationRule(id: $rule) { deletedId } deleteDateReminder(id: $reminder) { deletedId } }
            """, new { form = form["id"]!.GetValue<string>(), rule = rule["id"]!.GetValue<string>(), reminder = reminder["id"]!.GetValue<string>() });
        Assert.Equal(rule["id"]!.GetValue<string>(), deleted["deleteAutomationRule"]!["deletedId"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/forms")).Data());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/automation-rules")).Data());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/date-reminders")).Data());
    }

    private static (string, string) Pair(JsonNode error) => (error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>());
}
