using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessCrm.Api.Tests.Hosting;

/// <summary>
/// A host whose requests share a pool of one connection and wait at most a second for it (crm_app's connection is
/// derived from the owner's, pool settings included).
/// </summary>
public sealed class OneConnectionApi : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Crm"] = ConnectionString + ";Maximum Pool Size=1;Timeout=1",
    };
}

/// <summary>When the database cannot take the request in time, the caller is told to come back: 503 and Retry-After.</summary>
public sealed class DatabaseBusyTests(OneConnectionApi api) : IClassFixture<OneConnectionApi>
{
    [Fact]
    public async Task An_exhausted_connection_pool_answers_503_with_retry_after_and_the_next_request_succeeds()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ada", lastName = "Lovelace" });

        HttpResponseMessage busy;
        await using (var held = await api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
            busy = await ws.Http.GetAsync("/api/v1/contacts?email=ada@example.com");

        var problem = await busy.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.EndsWith("unavailable", problem["type"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(2), busy.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("pool", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var after = await ws.Http.GetJsonAsync("/api/v1/contacts");
        Assert.Equal("Ada", Assert.Single(after.Data())!["firstName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(PostgresErrorCodes.TooManyConnections, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, true)]
    [InlineData(PostgresErrorCodes.QueryCanceled, true)]
    [InlineData(PostgresErrorCodes.DeadlockDetected, true)]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.InsufficientPrivilege, false)]
    public void A_refused_connection_counts_as_busy_also_inside_EF_s_retry_wrapper_and_a_real_error_does_not(string sqlState, bool busy)
    {
        var refused = new PostgresException("refused", "FATAL", "FATAL", sqlState);
        Assert.Equal(busy, HeadlessCrm.Api.Infrastructure.Http.DatabaseBusy.Is(refused));
        Assert.Equal(busy, HeadlessCrm.Api.Infrastructure.Http.DatabaseBusy.Is(
            new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)));
    }
}
