using HeadlessCrm.Api.Infrastructure.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>
/// Keys that sign for twenty seconds, their successors published eight seconds ahead, the JWKS re-read every second.
/// The publication lead is wide so that a slow round of the test (a JWKS fetch and a token, seconds on a loaded
/// machine) cannot miss it: a lead of three seconds was missed at a load average of 30–40.
/// </summary>
public sealed class FastKeyRotationApi : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Auth:SigningKeyLifetime"] = "00:00:20",
        ["Crm:Auth:SigningKeyPublishAhead"] = "00:00:08",
        ["Crm:Auth:SigningKeyRefresh"] = "00:00:01",
    };
}

public sealed class SigningKeyRotationTests(FastKeyRotationApi api) : IClassFixture<FastKeyRotationApi>
{
    [Fact]
    public async Task A_new_key_is_published_before_it_signs_and_the_old_one_stays_while_its_tokens_live()
    {
        var ws = await api.NewWorkspaceAsync();
        var (clientId, secret) = await api.CreateClientAsync(ws.Id, [Scopes.ContactsRead]);
        using var http = api.CreateClient();
        var first = await api.TokenAsync(clientId, secret);
        var firstKid = new JsonWebToken(first).Kid;
        var publishedAt = new Dictionary<string, DateTime>();
        string? nextKid = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);

        while (nextKid is null && DateTime.UtcNow < deadline)
        {
            var jwks = await http.GetJsonAsync("/.well-known/jwks.json");
            foreach (var kid in jwks["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>())) publishedAt.TryAdd(kid, DateTime.UtcNow);
            var kidNow = new JsonWebToken(await api.TokenAsync(clientId, secret)).Kid;
            if (kidNow != firstKid)
            {
                nextKid = kidNow;
                Assert.True(publishedAt.TryGetValue(kidNow, out var published) && published < DateTime.UtcNow.AddSeconds(-1),
                    "A token was signed with a key the JWKS had not published well before.");
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(nextKid);
        var keys = (await http.GetJsonAsync("/.well-known/jwks.json"))["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToList();
        Assert.Contains(firstKid, keys);
        Assert.Contains(nextKid, keys);
        using var old = api.ClientWithToken(first);
        await (await old.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }
}
