using HeadlessCrm.Api.Tests.Hosting;

namespace HeadlessCrm.Api.Tests.RateLimiting;

/// <summary>Each token gets its own budget, shared by every host, stated in the RateLimit headers; past it, a 429.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Limit = 6;
    private ConfiguredHost _first = null!;
    private ConfiguredHost _second = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = await TestCluster.NewDatabaseAsync(),
            ["Crm:Auth:Issuer"] = "http://crm.test",
            ["Crm:RateLimits:Requests"] = Limit.ToString(),
            ["Crm:RateLimits:Window"] = "01:00:00",
            ["Crm:Bootstrap:ClientId"] = "limited",
            ["Crm:Bootstrap:ClientSecret"] = "limited-client-secret",
        };
        _first = new ConfiguredHost(settings);
        _second = new ConfiguredHost(settings);
        _ = _first.Server;
        _ = _second.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private static async Task<HttpClient> ClientAsync(ConfiguredHost host)
    {
        var http = host.CreateClient();
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "limited", ["client_secret"] = "limited-client-secret",
        }));
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await response.JsonAsync())["access_token"]!.GetValue<string>());
        return http;
    }

    [Fact]
    public async Task Two_hosts_share_one_budget_per_token_and_refuse_past_it_with_retry_after()
    {
        using var a = await ClientAsync(_first);
        using var b = await ClientAsync(_second);

        var remaining = new List<int>();
        for (var i = 0; i < Limit; i++)
        {
            var response = await (i % 2 == 0 ? a : b).GetAsync("/api/v1/contacts");
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
            Assert.Equal(Limit.ToString(), response.Headers.GetValues("RateLimit-Limit").Single());
            remaining.Add(int.Parse(response.Headers.GetValues("RateLimit-Remaining").Single()));
        }
        Assert.Equal(Enumerable.Range(0, Limit).Reverse(), remaining);

        var refused = await a.GetAsync("/api/v1/contacts");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("0", refused.Headers.GetValues("RateLimit-Remaining").Single());
        await (await b.GetAsync("/api/v1/deals")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
