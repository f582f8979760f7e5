using HeadlessCrm.Api.Features.Webhooks;

namespace HeadlessCrm.Api.Tests.Webhooks;

/// <summary>Events leave as signed POSTs, at least once, retried when the receiver fails, and logged.</summary>
public sealed class WebhookDeliveryTests(WebhookHost api) : IClassFixture<WebhookHost>
{
    private static async Task<(JsonObject Webhook, string Secret)> SubscribeAsync(TestWorkspace ws, WebhookReceiver receiver, string[] types, object? filters = null)
    {
        var body = new Dictionary<string, object?> { ["targetUrl"] = receiver.Url, ["eventTypes"] = types };
        if (filters is not null) foreach (var p in filters.GetType().GetProperties()) body[p.Name] = p.GetValue(filters);
        var created = await ws.Http.CreateAsync("/api/v1/webhooks", body);
        return (created["webhook"]!.AsObject(), created["secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_contact_is_posted_signed_with_the_subscriptions_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ws = await api.NewWorkspaceAsync();
        var (_, secret) = await SubscribeAsync(ws, receiver, ["contact.created"]);
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Hooked" });

        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(WebhookSignature.Verify(secret, request.Headers[WebhookSignature.TimestampHeader], request.Body,
            request.Headers[WebhookSignature.SignatureHeader], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_wrong", request.Headers[WebhookSignature.TimestampHeader], request.Body,
            request.Headers[WebhookSignature.SignatureHeader], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("contact.created", body["type"]!.GetValue<string>());
        Assert.Equal(contact.Id(), body["data"]!["record"]!.Id());
        Assert.Equal("Hooked", body["data"]!["record"]!["firstName"]!.GetValue<string>());
        Assert.Equal(body["id"]!.GetValue<string>(), request.Headers["Crm-Webhook-Id"]);
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_event_on_the_third_try_and_the_log_says_so()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith(500, 503);
        var ws = await api.NewWorkspaceAsync();
        var (webhook, _) = await SubscribeAsync(ws, receiver, ["company.created"]);
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Persistent Co" });

        var attempts = await receiver.WaitForAsync(3);
        Assert.Single(attempts.Select(a => a.Headers["Crm-Webhook-Id"]).Distinct());
        Assert.Equal(["1", "2", "3"], attempts.Select(a => a.Headers["Crm-Webhook-Attempt"]));

        var delivery = await EventuallyAsync(async () =>
        {
            var log = (await ws.Http.GetJsonAsync($"/api/v1/webhooks/{webhook.Id()}/deliveries")).Data();
            return log.Count == 1 && log[0]!["status"]!.GetValue<string>() == "succeeded" ? log[0] : null;
        });
        Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(200, delivery["responseCode"]!.GetValue<int>());
        Assert.Equal("company.created", delivery["eventType"]!.GetValue<string>());
        Assert.NotNull(delivery["latencyMs"]);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith(410);
        var ws = await api.NewWorkspaceAsync();
        var (webhook, _) = await SubscribeAsync(ws, receiver, ["contact.created"]);
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Gone" });

        await receiver.WaitForAsync(1);
        var delivery = await EventuallyAsync(async () =>
            (await ws.Http.GetJsonAsync($"/api/v1/webhooks/{webhook.Id()}/deliveries?status=failed")).Data().FirstOrDefault());
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(410, delivery["responseCode"]!.GetValue<int>());
        await Task.Delay(1000);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Deal_events_say_when_a_deal_moves_and_is_won_and_filters_keep_out_other_pipelines()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ws = await api.NewWorkspaceAsync();
        var pipeline = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!;
        var other = await ws.Http.CreateAsync("/api/v1/pipelines", new
        {
            name = "Other",
            stages = new object[] { new { name = "A", probability = 0.5 }, new { name = "W", kind = "won" }, new { name = "L", kind = "lost" } },
        });
        await SubscribeAsync(ws, receiver, ["deal.stage_changed", "deal.won"], new { pipelineId = pipeline.Id() });
        var won = pipeline["stages"]!.AsArray().First(s => s!["kind"]!.GetValue<string>() == "won")!.Id();
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Watched" });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Elsewhere", pipelineId = other.Id() });
        await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = won });

        var received = await receiver.WaitForAsync(2);
        Assert.Equal(["deal.stage_changed", "deal.won"], received.Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()).Order());
        Assert.All(received, r => Assert.Equal(deal.Id(), JsonNode.Parse(r.Body)!["data"]!["record"]!.Id()));
        await Task.Delay(500);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_subscription_that_keeps_failing_is_paused_with_a_reason()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith(400, 400, 400, 400);
        var ws = await api.NewWorkspaceAsync();
        var (webhook, _) = await SubscribeAsync(ws, receiver, ["contact.created"]);
        for (var i = 0; i < 3; i++) await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = $"F{i}" });

        var paused = await EventuallyAsync(async () =>
        {
            var state = await ws.Http.GetJsonAsync($"/api/v1/webhooks/{webhook.Id()}");
            return state["status"]!.GetValue<string>() == "paused" ? state : null;
        });
        Assert.Contains("failed deliveries in a row", paused["pausedReason"]!.GetValue<string>());

        var resumed = await (await ws.Http.PostAsync($"/api/v1/webhooks/{webhook.Id()}/resume", null)).JsonAsync();
        Assert.Equal("active", resumed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delivered_event_can_be_replayed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ws = await api.NewWorkspaceAsync();
        var (webhook, _) = await SubscribeAsync(ws, receiver, ["*"]);
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Again" });
        var first = Assert.Single(await receiver.WaitForAsync(1));
        var eventId = first.Headers["Crm-Webhook-Id"];

        var replay = await ws.Http.PostJsonAsync($"/api/v1/webhooks/{webhook.Id()}/replay", new { eventId });
        await replay.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var both = await receiver.WaitForAsync(2);
        Assert.All(both, r => Assert.Equal(eventId, r.Headers["Crm-Webhook-Id"]));
        Assert.Equal(first.Body, both[1].Body);
    }

    [Theory]
    [InlineData("http://example.com/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://user:pass@example.com/hook")]
    public async Task Targets_that_are_not_https_or_point_into_private_networks_are_refused(string url)
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/webhooks", new { targetUrl = url, eventTypes = new[] { "contact.created" } });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "targetUrl");
    }

    [Fact]
    public async Task Unknown_event_types_are_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/webhooks", new { targetUrl = "https://hooks.example.com/x", eventTypes = new[] { "contact.exploded" } });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "eventTypes");
    }

    private static async Task<JsonNode> EventuallyAsync(Func<Task<JsonNode?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        Assert.Fail("The expected state was not reached in time.");
        return null!;
    }
}
