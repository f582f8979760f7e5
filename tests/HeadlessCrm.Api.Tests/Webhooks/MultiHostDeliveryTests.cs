using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Webhooks;

/// <summary>Several hosts on one database deliver every event, none twice at once, and a host that dies loses nothing.</summary>
public sealed class MultiHostDeliveryTests
{
    private static async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["ConnectionStrings:Crm"] = await TestCluster.NewDatabaseAsync(),
        ["Crm:Auth:Issuer"] = "http://crm.test",
        ["Crm:RateLimits:Enabled"] = "false",
        ["Crm:Bootstrap:ClientId"] = "hosts",
        ["Crm:Bootstrap:ClientSecret"] = "several-hosts-secret",
        ["Crm:Webhooks:ClaimLease"] = "00:00:02",
        ["Crm:Webhooks:RetryBaseDelay"] = "00:00:00.200",
        ["Crm:Background:PollInterval"] = "00:00:00.100",
    };

    private static async Task<HttpClient> ClientAsync(ConfiguredHost host)
    {
        var http = host.CreateClient();
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "hosts", ["client_secret"] = "several-hosts-secret",
        }));
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await response.JsonAsync())["access_token"]!.GetValue<string>());
        return http;
    }

    [Fact]
    public async Task A_host_killed_mid_delivery_leaves_the_event_to_another_host()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = await SettingsAsync();
        var first = new ConfiguredHost(settings);
        var http = await ClientAsync(first);
        await http.CreateAsync("/api/v1/webhooks", new { targetUrl = receiver.Url, eventTypes = new[] { "contact.created" } });

        receiver.Hold();
        await http.CreateAsync("/api/v1/contacts", new { firstName = "In flight" });
        var held = Assert.Single(await receiver.WaitForAsync(1));
        await first.DisposeAsync();
        receiver.Release();

        await using var second = new ConfiguredHost(settings);
        _ = second.Server;
        var again = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(30));
        Assert.All(again, r => Assert.Equal(held.Headers["Crm-Webhook-Id"], r.Headers["Crm-Webhook-Id"]));
        Assert.Equal(held.Headers["Crm-Webhook-Attempt"], again[1].Headers["Crm-Webhook-Attempt"]);
    }

    [Fact]
    public async Task Two_hosts_deliver_every_event_once_and_never_the_same_attempt_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = await SettingsAsync();
        await using var first = new ConfiguredHost(settings);
        await using var second = new ConfiguredHost(settings);
        var a = await ClientAsync(first);
        var b = await ClientAsync(second);
        await a.CreateAsync("/api/v1/webhooks", new { targetUrl = receiver.Url, eventTypes = new[] { "company.created" } });

        const int count = 30;
        for (var i = 0; i < count; i++) await (i % 2 == 0 ? a : b).CreateAsync("/api/v1/companies", new { name = $"Company {i}" });

        var received = await receiver.WaitForAsync(count, TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        var deliveries = receiver.Requests.Select(r => (Event: r.Headers["Crm-Webhook-Id"], Attempt: r.Headers["Crm-Webhook-Attempt"])).ToList();
        Assert.Equal(count, deliveries.Select(d => d.Event).Distinct().Count());
        Assert.Equal(deliveries.Count, deliveries.Distinct().Count());
        Assert.Equal(count, received.Count);
    }

    [Fact]
    public async Task A_change_made_through_one_host_reaches_live_subscribers_on_another()
    {
        var settings = await SettingsAsync();
        await using var first = new ConfiguredHost(settings);
        await using var second = new ConfiguredHost(settings);
        var http = await ClientAsync(first);
        var workspace = Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(http.DefaultRequestHeaders.Authorization!.Parameter).GetClaim("workspace_id").Value);
        _ = second.Server;

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var feed = second.Services.GetRequiredService<ICrmEventFeed>();
        var listening = ReadFirstAsync(feed.SubscribeAsync(workspace, cancel.Token), "deal.created");
        await Task.Delay(300);
        var deal = await http.CreateAsync("/api/v1/deals", new { title = "Live" });

        var seen = await listening;
        Assert.Equal(deal.Id(), seen.RecordId.ToString());
        Assert.Equal(workspace, seen.WorkspaceId);
    }

    private static async Task<CrmEvent> ReadFirstAsync(IAsyncEnumerable<CrmEvent> events, string type)
    {
        await foreach (var e in events)
        {
            if (e.Type == type) return e;
        }
        throw new InvalidOperationException("The feed ended.");
    }
}
