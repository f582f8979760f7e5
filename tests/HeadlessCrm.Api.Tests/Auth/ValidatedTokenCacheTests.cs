using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Identity.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;

namespace HeadlessCrm.Api.Tests.Auth;

/// <summary>
/// A host remembers a validated access token until it expires; remembering it never keeps a token working that
/// validation would refuse: signed by a key that left the ring, or revoked (expiry: <see cref="ShortTokenTests"/>).
/// </summary>
public sealed class ValidatedTokenCacheTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_token_works_on_every_request_and_a_revocation_stops_it_at_once()
    {
        var (clientId, secret, token) = await ClientTokenAsync(api);
        using var http = api.ClientWithToken(token);
        for (var i = 0; i < 3; i++) await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var anonymous = api.CreateClient();
        await (await anonymous.PostAsync("/connect/revoke", new FormUrlEncodedContent(
            [new("token", token), new("client_id", clientId), new("client_secret", secret)]))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await http.GetAsync("/api/v1/contacts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_signing_key_leaves_the_ring_stops_working_at_once()
    {
        var (clientId, secret, token) = await ClientTokenAsync(api);
        using var http = api.ClientWithToken(token);
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await using (var owner = new NpgsqlConnection(api.ConnectionString))
        {
            await owner.OpenAsync();
            await using var remove = new NpgsqlCommand("DELETE FROM signing_keys WHERE id = @kid", owner);
            remove.Parameters.AddWithValue("kid", new JsonWebToken(token).Kid);
            Assert.Equal(1, await remove.ExecuteNonQueryAsync());
        }
        await api.Services.GetRequiredService<SigningKeyRing>().RotateAsync(CancellationToken.None); // a new key; the ring reloads

        var refused = await http.GetAsync("/api/v1/contacts");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
        using var renewed = api.ClientWithToken(await api.TokenAsync(clientId, secret));
        await (await renewed.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    internal static async Task<(string ClientId, string Secret, string Token)> ClientTokenAsync(CrmApi api)
    {
        var ws = await api.NewWorkspaceAsync();
        var (clientId, secret) = await api.CreateClientAsync(ws.Id, [Scopes.ContactsRead]);
        return (clientId, secret, await api.TokenAsync(clientId, secret));
    }
}

/// <summary>A host whose access tokens live six seconds, checked with no clock skew.</summary>
public sealed class ShortTokenApi : CrmApi
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(6);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Crm:Auth:AccessTokenLifetime"] = Lifetime.ToString(),
        ["Crm:Auth:ClockSkew"] = "00:00:00",
    };
}

/// <summary>A token validated (and remembered) before stops working when it expires.</summary>
public sealed class ShortTokenTests(ShortTokenApi api) : IClassFixture<ShortTokenApi>
{
    [Fact]
    public async Task A_token_validated_before_stops_working_when_it_expires()
    {
        var (_, _, token) = await ValidatedTokenCacheTests.ClientTokenAsync(api);
        using var http = api.ClientWithToken(token);
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var expires = new JsonWebToken(token).ValidTo;
        await Task.Delay(expires - DateTime.UtcNow + TimeSpan.FromSeconds(1));

        var refused = await http.GetAsync("/api/v1/contacts");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
    }
}
