using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessCrm.Api.Tests.Hosting;

/// <summary>
/// A host that works on one request at a time with no queue, whose requests share one pooled connection and wait up
/// to 30 s for it: a test holding that connection holds whichever request is running.
/// </summary>
public sealed class OneRequestAtATimeApi : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Crm"] = ConnectionString + ";Maximum Pool Size=1;Timeout=30",
        ["Crm:Limits:MaxConcurrentRequests"] = "1",
        ["Crm:Limits:QueueLimit"] = "0",
    };
}

/// <summary>An overloaded host turns requests away before working on them: 503 with Retry-After, health still answers.</summary>
public sealed class ConcurrencyLimitTests(OneRequestAtATimeApi api) : IClassFixture<OneRequestAtATimeApi>
{
    [Fact]
    public async Task Past_the_limit_a_request_gets_503_with_retry_after_and_once_the_first_is_done_the_next_succeeds()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ada", lastName = "Lovelace" });

        Task<HttpResponseMessage> first;
        HttpResponseMessage turnedAway, live;
        await using (var held = await api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            first = ws.Http.GetAsync("/api/v1/contacts");
            await PermitTakenAsync();
            turnedAway = await ws.Http.GetAsync("/api/v1/contacts");
            live = await ws.Http.GetAsync("/health/live");
        }

        var problem = await turnedAway.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.EndsWith("unavailable", problem["type"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(2), turnedAway.Headers.RetryAfter?.Delta);
        await live.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await first).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var next = await ws.Http.GetJsonAsync("/api/v1/contacts");
        Assert.Equal("Ada", Assert.Single(next.Data())!["firstName"]!.GetValue<string>());
    }

    /// <summary>Waits until the request sent first holds the only permit (it then waits for the held connection).</summary>
    private async Task PermitTakenAsync()
    {
        var limiter = api.Services.GetRequiredService<ConcurrencyLimiter>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (limiter.GetStatistics()?.CurrentAvailablePermits != 0)
            await Task.Delay(20, timeout.Token);
    }
}
