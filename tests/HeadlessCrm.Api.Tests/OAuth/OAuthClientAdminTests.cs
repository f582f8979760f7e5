using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>Registering applications over /api/v1/oauth-clients (crm.admin): secrets shown once, redirect URIs checked, workspaces apart.</summary>
public sealed class OAuthClientAdminTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static object Public(params string[] redirectUris) =>
        new { name = "Field app", type = "public", allowedScopes = new[] { Scopes.ContactsRead, Scopes.DealsRead }, redirectUris };

    [Fact]
    public async Task A_public_client_registered_over_the_api_signs_members_in()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.CreateAsync("/api/v1/oauth-clients", Public("https://field.example/cb", "http://127.0.0.1:8123/cb"));
        var client = created["client"]!;
        Assert.Equal("public", client["type"]!.GetValue<string>());
        Assert.Equal("Field app", client["name"]!.GetValue<string>());
        Assert.Null(created["clientSecret"]);
        var email = $"rep-{Guid.NewGuid():N}@people.example";
        await ws.Http.CreateAsync("/api/v1/members", new { email, name = "Rep", role = "rep", password = OAuthWorkspace.Password });

        var browser = new SignInBrowser(api, client["clientId"]!.GetValue<string>(), "http://127.0.0.1:8123/cb");
        var tokens = await browser.TokensAsync(email, OAuthWorkspace.Password, Scopes.DealsRead);

        Assert.Equal(Scopes.DealsRead, tokens["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_confidential_clients_secret_is_shown_once_works_and_rotation_replaces_it()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.CreateAsync("/api/v1/oauth-clients",
            new { name = "Billing sync", type = "confidential", allowedScopes = new[] { Scopes.CompaniesRead } });
        var id = created["client"]!.Id();
        var clientId = created["client"]!["clientId"]!.GetValue<string>();
        var secret = created["clientSecret"]!.GetValue<string>();
        Assert.Equal(Scopes.CompaniesRead, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await api.TokenAsync(clientId, secret)).GetClaim("scope").Value);

        var listed = (await ws.Http.GetJsonAsync("/api/v1/oauth-clients")).Data();
        Assert.Contains(listed, c => c!["clientId"]!.GetValue<string>() == clientId);
        Assert.DoesNotContain("secret", listed.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("confidential", (await ws.Http.GetJsonAsync($"/api/v1/oauth-clients/{id}"))["type"]!.GetValue<string>());

        var rotated = await ws.Http.PostAsync($"/api/v1/oauth-clients/{id}/secret", null);
        await rotated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var newSecret = (await rotated.JsonAsync())["clientSecret"]!.GetValue<string>();
        Assert.NotEqual(secret, newSecret);
        await TokenAsync(clientId, secret, HttpStatusCode.Unauthorized);
        await TokenAsync(clientId, newSecret, HttpStatusCode.OK);

        var audit = (await ws.Http.GetJsonAsync($"/api/v1/audit?recordType=oauth_client&recordId={id}")).Data();
        Assert.Equal(["secret_rotated", "created"], audit.Select(e => e!["action"]!.GetValue<string>()));
        Assert.DoesNotContain(newSecret, audit.ToJsonString());
    }

    [Fact]
    public async Task Deleting_a_client_stops_its_tokens_and_its_sign_ins()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.CreateAsync("/api/v1/oauth-clients",
            new { name = "Old sync", type = "confidential", allowedScopes = new[] { Scopes.ContactsRead } });
        var id = created["client"]!.Id();
        var clientId = created["client"]!["clientId"]!.GetValue<string>();
        using var http = api.ClientWithToken(await api.TokenAsync(clientId, created["clientSecret"]!.GetValue<string>()));
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await ws.Http.DeleteAsync($"/api/v1/oauth-clients/{id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await http.GetAsync("/api/v1/contacts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await TokenAsync(clientId, created["clientSecret"]!.GetValue<string>(), HttpStatusCode.Unauthorized);
        await (await ws.Http.GetAsync($"/api/v1/oauth-clients/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("http://app.example/cb", "http is only allowed for loopback")]
    [InlineData("https://app.example/cb#frag", "fragment")]
    [InlineData("/relative/cb", "absolute URI")]
    [InlineData("javascript:alert(1)", "https")]
    [InlineData("https://user:pw@app.example/cb", "credentials")]
    public async Task Unsafe_redirect_uris_are_refused_by_field(string redirectUri, string reason)
    {
        var ws = await api.NewWorkspaceAsync();

        var response = await ws.Http.PostJsonAsync("/api/v1/oauth-clients", Public("https://fine.example/cb", redirectUri));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "redirectUris[1]");
        Assert.Contains(reason, problem["errors"]!["redirectUris[1]"]![0]!.GetValue<string>());
        Assert.DoesNotContain((await ws.Http.GetJsonAsync("/api/v1/oauth-clients")).Data(), c => c!["name"]!.GetValue<string>() == "Field app");
    }

    [Fact]
    public async Task Missing_fields_unknown_scopes_and_a_public_client_without_redirects_are_refused()
    {
        var ws = await api.NewWorkspaceAsync();

        var empty = await ws.Http.PostJsonAsync("/api/v1/oauth-clients", new { });
        var problem = await empty.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("type"));
        Assert.True(problem["errors"]!.AsObject().ContainsKey("allowedScopes"));

        await (await ws.Http.PostJsonAsync("/api/v1/oauth-clients", new { name = "x", type = "public", allowedScopes = new[] { "crm.everything" }, redirectUris = new[] { "https://a.example/cb" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "allowedScopes");
        await (await ws.Http.PostJsonAsync("/api/v1/oauth-clients", Public()))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "redirectUris");
    }

    [Fact]
    public async Task A_public_client_has_no_secret_to_rotate()
    {
        var ws = await api.NewWorkspaceAsync();
        var id = (await ws.Http.CreateAsync("/api/v1/oauth-clients", Public("https://field.example/cb")))["client"]!.Id();

        await (await ws.Http.PostAsync($"/api/v1/oauth-clients/{id}/secret", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("rep")]
    [InlineData("manager")]
    public async Task Reps_and_managers_may_not_manage_clients(string role)
    {
        var ws = await api.NewWorkspaceAsync();
        var id = (await ws.Http.CreateAsync("/api/v1/oauth-clients", Public("https://field.example/cb")))["client"]!.Id();
        var member = await ws.MemberAsync(role);

        await (await member.Http.GetAsync("/api/v1/oauth-clients")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Http.GetAsync($"/api/v1/oauth-clients/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Http.PostJsonAsync("/api/v1/oauth-clients", Public("https://field.example/cb"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Http.PostAsync($"/api/v1/oauth-clients/{id}/secret", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Http.DeleteAsync($"/api/v1/oauth-clients/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_workspaces_admin_finds_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var other = await api.NewWorkspaceAsync();
        var created = await ws.Http.CreateAsync("/api/v1/oauth-clients",
            new { name = "Mine", type = "confidential", allowedScopes = new[] { Scopes.ContactsRead } });
        var id = created["client"]!.Id();

        Assert.DoesNotContain((await other.Http.GetJsonAsync("/api/v1/oauth-clients")).Data(), c => c!.Id() == id);
        await (await other.Http.GetAsync($"/api/v1/oauth-clients/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.PostAsync($"/api/v1/oauth-clients/{id}/secret", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.DeleteAsync($"/api/v1/oauth-clients/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await TokenAsync(created["client"]!["clientId"]!.GetValue<string>(), created["clientSecret"]!.GetValue<string>(), HttpStatusCode.OK);
    }

    private async Task TokenAsync(string clientId, string secret, HttpStatusCode expected)
    {
        using var http = api.CreateClient();
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]));
        await response.ShouldHaveStatusAsync(expected);
    }
}
