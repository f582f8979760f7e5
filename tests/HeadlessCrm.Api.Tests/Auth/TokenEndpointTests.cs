using System.Net.Http.Headers;
using System.Text;
using HeadlessCrm.Api.Infrastructure.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HeadlessCrm.Api.Tests.Auth;

/// <summary>POST /connect/token with client credentials (RFC 6749 §4.4), and the documents that describe the server.</summary>
public sealed class TokenEndpointTests(CrmApi api) : IClassFixture<CrmApi>
{
    private async Task<(Guid Workspace, string ClientId, string Secret)> ClientAsync(params string[] scopes)
    {
        var ws = await api.NewWorkspaceAsync();
        var (clientId, secret) = await api.CreateClientAsync(ws.Id, scopes.Length == 0 ? [Scopes.ContactsRead, Scopes.DealsRead] : scopes);
        return (ws.Id, clientId, secret);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Client_secret_basic_gets_a_short_lived_jwt_for_the_clients_workspace()
    {
        var (workspace, clientId, secret) = await ClientAsync();
        using var http = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = Form(("grant_type", "client_credentials")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

        var response = await http.SendAsync(request);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(900, body["expires_in"]!.GetValue<int>());
        Assert.Equal($"{Scopes.ContactsRead} {Scopes.DealsRead}", body["scope"]!.GetValue<string>());

        var jwt = new JsonWebToken(body["access_token"]!.GetValue<string>());
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal("http://localhost", jwt.Issuer);
        Assert.Equal(["headlesscrm-api"], jwt.Audiences);
        Assert.Equal(clientId, jwt.Subject);
        Assert.Equal(workspace.ToString(), jwt.GetClaim("workspace_id").Value);
        Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.IssuedAt);
    }

    [Fact]
    public async Task Client_secret_post_works_and_a_narrower_scope_can_be_asked_for()
    {
        var (_, clientId, secret) = await ClientAsync();
        using var http = api.CreateClient();
        var response = await http.PostAsync("/connect/token", Form(
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", Scopes.DealsRead)));
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(Scopes.DealsRead, (await response.JsonAsync())["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client()
    {
        var (_, clientId, _) = await ClientAsync();
        using var http = api.CreateClient();
        var response = await http.PostAsync("/connect/token", Form(
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", "wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.JsonAsync())["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_scope_the_client_may_not_have_is_invalid_scope()
    {
        var (_, clientId, secret) = await ClientAsync(Scopes.ContactsRead);
        using var http = api.CreateClient();
        var response = await http.PostAsync("/connect/token", Form(
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", Scopes.Admin)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", (await response.JsonAsync())["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("password", "unsupported_grant_type")]
    [InlineData("", "invalid_request")]
    public async Task Grants_the_server_does_not_offer_are_refused(string grant, string error)
    {
        var (_, clientId, secret) = await ClientAsync();
        using var http = api.CreateClient();
        var response = await http.PostAsync("/connect/token", Form(("grant_type", grant), ("client_id", clientId), ("client_secret", secret)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (await response.JsonAsync())["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Discovery_names_the_token_endpoint_and_the_keys_that_verify_its_tokens()
    {
        using var http = api.CreateClient();
        var metadata = await http.GetJsonAsync("/.well-known/openid-configuration");
        Assert.Equal("http://localhost", metadata["issuer"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/token", metadata["token_endpoint"]!.GetValue<string>());
        Assert.Contains("client_secret_basic", metadata["token_endpoint_auth_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(metadata.ToJsonString(), (await http.GetJsonAsync("/.well-known/oauth-authorization-server")).ToJsonString());

        var jwks = await http.GetJsonAsync(new Uri(metadata["jwks_uri"]!.GetValue<string>()).PathAndQuery);
        var (_, clientId, secret) = await ClientAsync();
        var token = new JsonWebToken(await api.TokenAsync(clientId, secret));
        var key = Assert.Single(jwks["keys"]!.AsArray(), k => k!["kid"]!.GetValue<string>() == token.Kid)!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.Null(key["d"]);
    }
}
