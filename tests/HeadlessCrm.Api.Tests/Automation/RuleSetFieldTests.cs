namespace HeadlessCrm.Api.Tests.Automation;

/// <summary>set_field: a rule sets a contact's stage, a company's kind or a custom field, only to values a user could store.</summary>
public sealed class RuleSetFieldTests(AutomationHost api) : IClassFixture<AutomationHost>
{
    private static async Task<JsonNode> EventuallyAsync(Func<Task<JsonNode>> read, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonNode found;
        while (!done(found = await read()) && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(1000);
        return await read();
    }

    private static Task<HttpResponseMessage> RuleAsync(TestWorkspace ws, string eventType, object action) =>
        ws.Http.PostJsonAsync("/api/v1/automation-rules", new { name = "r", trigger = new { eventType }, actions = new[] { action } });

    [Fact]
    public async Task A_new_contact_gets_its_stage_and_a_custom_field_through_an_audited_update()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "tier", label = "Tier", type = "single_select", options = new[] { "gold", "silver" } });
        var rule = await ws.Http.CreateAsync("/api/v1/automation-rules", new
        {
            name = "Qualify new contacts",
            trigger = new { eventType = "contact.created" },
            actions = new object[]
            {
                new { type = "set_field", field = "lifecycleStage", value = "qualified" },
                new { type = "set_field", field = "customFields.tier", value = "gold" },
            },
        });
        Assert.Equal("gold", rule["actions"]![1]!["value"]!.GetValue<string>());
        var rep = await ws.MemberAsync("rep");
        var contact = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Set" });

        var read = await EventuallyAsync(() => rep.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}"), c => c["lifecycleStage"]!.GetValue<string>() == "qualified");
        Assert.Equal("qualified", read["lifecycleStage"]!.GetValue<string>());
        Assert.Equal("gold", read["customFields"]!["tier"]!.GetValue<string>());
        var updates = (await rep.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}/audit")).Data().Where(e => e!["action"]!.GetValue<string>() == "updated").ToList();
        var update = Assert.Single(updates)!;
        Assert.Equal("lead", update["changes"]!["lifecycleStage"]!["old"]!.GetValue<string>());
        Assert.Equal("qualified", update["changes"]!["lifecycleStage"]!["new"]!.GetValue<string>());
        Assert.NotNull(update["changes"]!["customFields"]);
    }

    [Fact]
    public async Task Rules_that_set_a_field_back_and_forth_stop_at_the_depth_limit()
    {
        var ws = await api.NewWorkspaceAsync();
        foreach (var (from, to) in new[] { ("customer", "lead"), ("lead", "customer") })
        {
            await ws.Http.CreateAsync("/api/v1/automation-rules", new
            {
                name = $"{from} to {to}",
                trigger = new { eventType = "contact.updated", field = "lifecycleStage", equalTo = from },
                actions = new[] { new { type = "set_field", field = "lifecycleStage", value = to } },
            });
        }
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Flip" });
        (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{contact.Id()}", new { lifecycleStage = "customer" })).EnsureSuccessStatusCode();

        // The user's change (depth 0), then rule steps at depths 1, 2 and 3; an event at depth 3 fires no rule.
        var audit = await EventuallyAsync(async () => new JsonArray((await ws.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}/audit?limit=100")).Data()
            .Where(e => e!["action"]!.GetValue<string>() == "updated" && e["changes"]?["lifecycleStage"] is not null).Select(e => e!.DeepClone()).ToArray()), a => a.AsArray().Count >= 4);
        Assert.Equal(["customer", "lead", "customer", "lead"],
            audit.AsArray().Reverse().Select(e => e!["changes"]!["lifecycleStage"]!["new"]!.GetValue<string>()));
        Assert.Equal("lead", (await ws.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}"))["lifecycleStage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_or_value_the_record_type_does_not_take_is_refused_by_field()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "deals", key = "health", label = "Health", type = "single_select", options = new[] { "green", "red" } });
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "deals", key = "ref", label = "Ref", type = "text", unique = true });

        await (await RuleAsync(ws, "contact.created", new { type = "set_field", field = "kind", value = "partner" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].field");
        await (await RuleAsync(ws, "contact.created", new { type = "set_field", field = "lifecycleStage", value = "vip" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].value");
        await (await RuleAsync(ws, "company.created", new { type = "set_field", field = "kind", value = 3 }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].value");
        await (await RuleAsync(ws, "deal.won", new { type = "set_field", field = "title", value = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].field");
        await (await RuleAsync(ws, "deal.won", new { type = "set_field", field = "customFields.health", value = "amber" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].value");
        await (await RuleAsync(ws, "contact.created", new { type = "set_field", field = "customFields.health", value = "green" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].field");
        await (await RuleAsync(ws, "deal.won", new { type = "set_field", field = "customFields.ref", value = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].field");
        await (await RuleAsync(ws, "deal.won", new { type = "set_field", field = "customFields.health" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].value");
        await (await RuleAsync(ws, "automation.fired", new { type = "set_field", field = "customFields.health", value = "red" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].type");

        var company = await RuleAsync(ws, "company.created", new { type = "set_field", field = "kind", value = "partner" });
        await company.ShouldHaveStatusAsync(HttpStatusCode.Created);
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/automation-rules")).Data());
    }
}
