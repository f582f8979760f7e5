namespace HeadlessCrm.Api.Tests.Automation;

/// <summary>emit_event: a rule raises automation.fired, which a webhook subscription receives once.</summary>
public sealed class RuleEmitEventTests(AutomationHost api) : IClassFixture<AutomationHost>
{
    [Fact]
    public async Task A_subscription_to_automation_fired_receives_the_rules_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/webhooks", new { targetUrl = receiver.Url, eventTypes = new[] { "automation.fired" } });
        var rule = await ws.Http.CreateAsync("/api/v1/automation-rules", new
        {
            name = "Announce big deals",
            trigger = new { eventType = "deal.created" },
            actions = new[] { new { type = "emit_event", name = "big-deal" } },
        });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Huge" });

        await receiver.WaitForAsync(1);
        await Task.Delay(1500);
        var request = Assert.Single(receiver.Requests);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("automation.fired", body["type"]!.GetValue<string>());
        var data = body["data"]!;
        Assert.Equal(rule.Id(), data["rule"]!.Id());
        Assert.Equal("Announce big deals", data["rule"]!["name"]!.GetValue<string>());
        Assert.Equal("big-deal", data["name"]!.GetValue<string>());
        Assert.Equal("deal", data["record"]!["type"]!.GetValue<string>());
        Assert.Equal(deal.Id(), data["record"]!.Id());
        Assert.Equal("deal.created", data["cause"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_emit_event_action_needs_a_name()
    {
        var ws = await api.NewWorkspaceAsync();
        await (await ws.Http.PostJsonAsync("/api/v1/automation-rules", new { name = "x", trigger = new { eventType = "deal.won" }, actions = new[] { new { type = "emit_event" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].name");
        await (await ws.Http.PostJsonAsync("/api/v1/automation-rules", new { name = "x", trigger = new { eventType = "deal.won" }, actions = new[] { new { type = "emit_event", name = new string('n', 101) } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].name");
    }
}
