using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>Refresh tokens: rotated on every use; a rotated one presented again revokes its whole family.</summary>
public sealed class RefreshTokenTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static string Field(JsonNode body, string name) => body[name]!.GetValue<string>();

    private async Task<(OAuthWorkspace OAuth, SignInBrowser Browser, string MemberId, JsonNode Tokens)> SignedInAsync(string role = "rep")
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (memberId, email) = await oauth.MemberAsync(role);
        var browser = oauth.Browser();
        return (oauth, browser, memberId, await browser.TokensAsync(email, OAuthWorkspace.Password));
    }

    [Fact]
    public async Task Each_refresh_returns_a_new_refresh_token_and_a_working_access_token()
    {
        var (_, browser, memberId, tokens) = await SignedInAsync();

        var response = await browser.RefreshAsync(Field(tokens, "refresh_token"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var refreshed = await response.JsonAsync();
        Assert.NotEqual(Field(tokens, "refresh_token"), Field(refreshed, "refresh_token"));
        Assert.NotEqual(Field(tokens, "access_token"), Field(refreshed, "access_token"));
        Assert.Equal("crm.contacts.read crm.deals.read", Field(refreshed, "scope"));
        Assert.Equal(memberId, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(Field(refreshed, "access_token")).Subject);
        using var http = api.ClientWithToken(Field(refreshed, "access_token"));
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await browser.RefreshAsync(Field(refreshed, "refresh_token"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Presenting_a_rotated_refresh_token_revokes_the_whole_family()
    {
        var (_, browser, _, first) = await SignedInAsync();
        var second = await (await browser.RefreshAsync(Field(first, "refresh_token"))).JsonAsync();
        using var latest = api.ClientWithToken(Field(second, "access_token"));
        await (await latest.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var reuse = await browser.RefreshAsync(Field(first, "refresh_token"));

        await reuse.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", Field(await reuse.JsonAsync(), "error"));
        var newest = await browser.RefreshAsync(Field(second, "refresh_token"));
        Assert.Equal("invalid_grant", Field(await newest.JsonAsync(), "error"));
        await (await latest.GetAsync("/api/v1/contacts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var original = api.ClientWithToken(Field(first, "access_token"));
        await (await original.GetAsync("/api/v1/contacts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_for_an_archived_member_is_refused()
    {
        var (oauth, browser, memberId, tokens) = await SignedInAsync();
        await (await oauth.Workspace.Http.DeleteAsync($"/api/v1/members/{memberId}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var response = await browser.RefreshAsync(Field(tokens, "refresh_token"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var body = await response.JsonAsync();
        Assert.Equal("invalid_grant", Field(body, "error"));
        Assert.Contains("no longer active", Field(body, "error_description"));
    }

    [Fact]
    public async Task A_refresh_carries_only_the_scopes_the_members_role_allows_today()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (memberId, email) = await oauth.MemberAsync("admin");
        var browser = oauth.Browser();
        var tokens = await browser.TokensAsync(email, OAuthWorkspace.Password, $"{Scopes.ContactsRead} {Scopes.Admin}");
        Assert.Equal($"{Scopes.ContactsRead} {Scopes.Admin}", Field(tokens, "scope"));
        var member = await oauth.Workspace.Http.GetAsync($"/api/v1/members/{memberId}");
        await (await oauth.Workspace.Http.PatchJsonAsync($"/api/v1/members/{memberId}", new { role = "rep" }, member.Headers.ETag?.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var refreshed = await (await browser.RefreshAsync(Field(tokens, "refresh_token"))).JsonAsync();

        Assert.Equal(Scopes.ContactsRead, Field(refreshed, "scope"));
    }

    [Fact]
    public async Task A_refresh_token_only_works_for_the_client_it_was_issued_to()
    {
        var (oauth, _, _, tokens) = await SignedInAsync();
        var (otherClient, _) = await api.CreateClientAsync(oauth.Workspace.Id, [Scopes.ContactsRead], confidential: false, [OAuthWorkspace.RedirectUri]);

        var response = await oauth.Browser(otherClient).RefreshAsync(Field(tokens, "refresh_token"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", Field(await response.JsonAsync(), "error"));
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_invalid_grant_and_a_missing_one_invalid_request()
    {
        var (_, browser, _, _) = await SignedInAsync();

        Assert.Equal("invalid_grant", Field(await (await browser.RefreshAsync("made-up")).JsonAsync(), "error"));
        Assert.Equal("invalid_request", Field(await (await browser.RefreshAsync("")).JsonAsync(), "error"));
    }
}
