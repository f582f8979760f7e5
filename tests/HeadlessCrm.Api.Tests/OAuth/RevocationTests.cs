using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>Token revocation (RFC 7009): access tokens stop at once, refresh tokens take their whole grant with them.</summary>
public sealed class RevocationTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static string Field(JsonNode body, string name) => body[name]!.GetValue<string>();

    private async Task<(OAuthWorkspace OAuth, SignInBrowser Browser, JsonNode Tokens)> SignedInAsync(bool confidential = false)
    {
        var oauth = await OAuthWorkspace.CreateAsync(api, confidential);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        return (oauth, browser, await browser.TokensAsync(email, OAuthWorkspace.Password));
    }

    private static async Task<HttpResponseMessage> Revoke(SignInBrowser browser, string token, string clientId)
    {
        var form = new FormUrlEncodedContent([new("token", token), new("client_id", clientId)]);
        return await browser.Http.PostAsync("/connect/revoke", form);
    }

    [Fact]
    public async Task A_revoked_access_token_is_refused_by_the_api_at_once()
    {
        var (oauth, browser, tokens) = await SignedInAsync();
        using var http = api.ClientWithToken(Field(tokens, "access_token"));
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await Revoke(browser, Field(tokens, "access_token"), oauth.ClientId)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var call = await http.GetAsync("/api/v1/contacts");
        await call.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("error=\"invalid_token\"", call.Headers.WwwAuthenticate.ToString());
        await (await browser.RefreshAsync(Field(tokens, "refresh_token"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_a_refresh_token_ends_its_grant_and_the_access_tokens_it_produced()
    {
        var (oauth, browser, tokens) = await SignedInAsync();
        using var http = api.ClientWithToken(Field(tokens, "access_token"));

        await (await Revoke(browser, Field(tokens, "refresh_token"), oauth.ClientId)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Equal("invalid_grant", Field(await (await browser.RefreshAsync(Field(tokens, "refresh_token"))).JsonAsync(), "error"));
        await (await http.GetAsync("/api/v1/contacts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_client_credentials_token_can_be_revoked_by_its_confidential_client()
    {
        var ws = await api.NewWorkspaceAsync();
        var (clientId, secret) = await api.CreateClientAsync(ws.Id, [Scopes.ContactsRead]);
        var token = await api.TokenAsync(clientId, secret);
        using var http = api.ClientWithToken(token);
        using var anonymous = api.CreateClient();

        var withoutSecret = await anonymous.PostAsync("/connect/revoke", new FormUrlEncodedContent([new("token", token), new("client_id", clientId)]));
        await withoutSecret.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var revoked = await anonymous.PostAsync("/connect/revoke",
            new FormUrlEncodedContent([new("token", token), new("client_id", clientId), new("client_secret", secret)]));
        await revoked.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await http.GetAsync("/api/v1/contacts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_client_cannot_revoke_a_token_and_unknown_tokens_are_answered_with_200()
    {
        var (oauth, browser, tokens) = await SignedInAsync();
        var (otherClient, _) = await api.CreateClientAsync(oauth.Workspace.Id, [Scopes.ContactsRead], confidential: false, [OAuthWorkspace.RedirectUri]);

        var foreign = await Revoke(browser, Field(tokens, "access_token"), otherClient);
        await foreign.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("unauthorized_client", Field(await foreign.JsonAsync(), "error"));
        using var http = api.ClientWithToken(Field(tokens, "access_token"));
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await Revoke(browser, "no-such-token", oauth.ClientId)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("invalid_request", Field(await (await Revoke(browser, "", oauth.ClientId)).JsonAsync(), "error"));
    }
}
