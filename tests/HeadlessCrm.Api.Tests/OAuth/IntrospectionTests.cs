using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>Token introspection (RFC 7662) for resource servers holding a client secret.</summary>
public sealed class IntrospectionTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static string Field(JsonNode body, string name) => body[name]!.GetValue<string>();

    private async Task<JsonNode> IntrospectAsync(string clientId, string? secret, string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var http = api.CreateClient();
        var form = new List<KeyValuePair<string, string>> { new("token", token), new("client_id", clientId) };
        if (secret is not null) form.Add(new("client_secret", secret));
        var response = await http.PostAsync("/connect/introspect", new FormUrlEncodedContent(form));
        await response.ShouldHaveStatusAsync(expected);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task An_access_token_from_the_code_flow_is_active_with_its_member_scope_and_client()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (memberId, email) = await oauth.MemberAsync("rep");
        var tokens = await oauth.Browser().TokensAsync(email, OAuthWorkspace.Password);
        var (resourceServer, secret) = await api.CreateClientAsync(oauth.Workspace.Id, [Scopes.ContactsRead]);

        var access = await IntrospectAsync(resourceServer, secret, Field(tokens, "access_token"));
        Assert.True(access["active"]!.GetValue<bool>());
        Assert.Equal(memberId, Field(access, "sub"));
        Assert.Equal("crm.contacts.read crm.deals.read", Field(access, "scope"));
        Assert.Equal(oauth.ClientId, Field(access, "client_id"));
        Assert.Equal(oauth.Workspace.Id.ToString(), Field(access, "workspace_id"));
        Assert.Equal("Bearer", Field(access, "token_type"));
        Assert.Equal(900, access["exp"]!.GetValue<long>() - access["iat"]!.GetValue<long>());

        var refresh = await IntrospectAsync(resourceServer, secret, Field(tokens, "refresh_token"));
        Assert.True(refresh["active"]!.GetValue<bool>());
        Assert.Equal(memberId, Field(refresh, "sub"));
    }

    [Fact]
    public async Task Revoked_rotated_foreign_and_made_up_tokens_are_inactive()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var tokens = await browser.TokensAsync(email, OAuthWorkspace.Password);
        var (resourceServer, secret) = await api.CreateClientAsync(oauth.Workspace.Id, [Scopes.ContactsRead]);
        var elsewhere = await api.NewWorkspaceAsync();
        var (foreignServer, foreignSecret) = await api.CreateClientAsync(elsewhere.Id, [Scopes.ContactsRead]);

        Assert.False((await IntrospectAsync(foreignServer, foreignSecret, Field(tokens, "access_token")))["active"]!.GetValue<bool>());
        Assert.False((await IntrospectAsync(resourceServer, secret, "made-up"))["active"]!.GetValue<bool>());

        await (await browser.RefreshAsync(Field(tokens, "refresh_token"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.False((await IntrospectAsync(resourceServer, secret, Field(tokens, "refresh_token")))["active"]!.GetValue<bool>());

        await (await browser.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(
            [new("token", Field(tokens, "access_token")), new("client_id", oauth.ClientId)]))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var revoked = await IntrospectAsync(resourceServer, secret, Field(tokens, "access_token"));
        Assert.Equal("""{"active":false}""", revoked.ToJsonString());
    }

    [Fact]
    public async Task Only_a_client_with_a_secret_may_introspect()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var tokens = await oauth.Browser().TokensAsync(email, OAuthWorkspace.Password);
        var (resourceServer, _) = await api.CreateClientAsync(oauth.Workspace.Id, [Scopes.ContactsRead]);

        Assert.Equal("invalid_client", Field(await IntrospectAsync(oauth.ClientId, null, Field(tokens, "access_token"), HttpStatusCode.Unauthorized), "error"));
        Assert.Equal("invalid_client", Field(await IntrospectAsync(resourceServer, "wrong", Field(tokens, "access_token"), HttpStatusCode.Unauthorized), "error"));
    }
}
