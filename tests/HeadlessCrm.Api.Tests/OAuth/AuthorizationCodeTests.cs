using HeadlessCrm.Api.Infrastructure.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>Authorization code + PKCE (RFC 6749 §4.1, RFC 7636) through the sign-in page, and every way it refuses.</summary>
public sealed class AuthorizationCodeTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static string Error(JsonNode body) => body["error"]!.GetValue<string>();

    [Fact]
    public async Task A_member_signs_in_through_the_page_and_gets_tokens_for_themselves_in_the_clients_workspace()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (memberId, email) = await oauth.MemberAsync("manager");
        var browser = oauth.Browser();

        var page = await browser.Http.GetAsync(browser.AuthorizeUrl("crm.contacts.read crm.deals.read"));
        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Test client", html);
        Assert.Contains("Read contacts", html);
        Assert.Contains("Read deals", html);
        Assert.Contains("name=\"email\"", html);
        Assert.Contains("name=\"password\"", html);
        Assert.Contains(SignInBrowser.HiddenFields(html), f => f.Key == "__RequestVerificationToken" && f.Value.Length > 20);

        var redirect = browser.RedirectQuery(await browser.PostFormAsync(html, email.ToUpperInvariant(), OAuthWorkspace.Password));
        Assert.Equal(browser.State, redirect["state"]);
        Assert.Equal("http://localhost", redirect["iss"]);

        var response = await browser.ExchangeAsync(redirect["code"]!);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var tokens = await response.JsonAsync();
        Assert.Equal("crm.contacts.read crm.deals.read", tokens["scope"]!.GetValue<string>());
        Assert.Equal(900, tokens["expires_in"]!.GetValue<int>());
        Assert.True(tokens["refresh_token"]!.GetValue<string>().Length >= 43);

        var jwt = new JsonWebToken(tokens["access_token"]!.GetValue<string>());
        Assert.Equal(memberId, jwt.Subject);
        Assert.Equal(oauth.Workspace.Id.ToString(), jwt.GetClaim("workspace_id").Value);
        Assert.Equal("crm.contacts.read crm.deals.read", jwt.GetClaim("scope").Value);
        Assert.Equal(oauth.ClientId, jwt.GetClaim("client_id").Value);
        Assert.Equal("manager", jwt.GetClaim("role").Value);

        using var http = api.ClientWithToken(tokens["access_token"]!.GetValue<string>());
        await (await http.GetAsync("/api/v1/deals")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await http.GetAsync("/api/v1/companies")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reps_token_sees_only_the_reps_records()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (repId, repEmail) = await oauth.MemberAsync("rep");
        var (otherId, _) = await oauth.MemberAsync("rep");
        var admin = oauth.Workspace.Http;
        var mine = await admin.CreateAsync("/api/v1/deals", new { title = "Rep's deal", ownerId = repId });
        var theirs = await admin.CreateAsync("/api/v1/deals", new { title = "Other deal", ownerId = otherId });

        var tokens = await oauth.Browser().TokensAsync(repEmail, OAuthWorkspace.Password);
        using var http = api.ClientWithToken(tokens["access_token"]!.GetValue<string>());

        var titles = (await http.GetJsonAsync("/api/v1/deals")).Data().Select(d => d!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["Rep's deal"], titles);
        await (await http.GetAsync($"/api/v1/deals/{mine.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await http.GetAsync($"/api/v1/deals/{theirs.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Granted_scopes_are_the_requested_ones_the_client_and_the_members_role_both_allow()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api, scopes: [Scopes.ContactsRead, Scopes.DealsRead, Scopes.Admin]);
        var (_, email) = await oauth.MemberAsync("rep");

        var tokens = await oauth.Browser().TokensAsync(email, OAuthWorkspace.Password, $"{Scopes.ContactsRead} {Scopes.Admin} {Scopes.CompaniesRead}");

        Assert.Equal(Scopes.ContactsRead, tokens["scope"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("plain", "invalid_request")]
    [InlineData(null, "invalid_request")]
    public async Task A_code_challenge_method_other_than_S256_is_sent_back_as_an_error_with_the_state(string? method, string error)
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var browser = oauth.Browser();

        var response = await browser.Http.GetAsync(browser.AuthorizeUrl(Scopes.ContactsRead, new() { ["code_challenge_method"] = method }));

        var query = browser.RedirectQuery(response);
        Assert.Equal(error, query["error"]);
        Assert.Contains("S256", query["error_description"]);
        Assert.Equal(browser.State, query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task A_request_without_a_code_challenge_is_refused()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var browser = oauth.Browser();

        var response = await browser.Http.GetAsync(browser.AuthorizeUrl(Scopes.ContactsRead, new() { ["code_challenge"] = null }));

        var query = browser.RedirectQuery(response);
        Assert.Equal("invalid_request", query["error"]);
        Assert.Contains("code_challenge", query["error_description"]);
    }

    [Theory]
    [InlineData("https://app.example/callback/")]
    [InlineData("https://evil.example/callback")]
    [InlineData("https://app.example/callback?x=1")]
    public async Task A_redirect_uri_that_is_not_exactly_a_registered_one_is_refused_on_the_page_without_redirecting(string redirectUri)
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var browser = oauth.Browser();

        var response = await browser.Http.GetAsync(browser.AuthorizeUrl(Scopes.ContactsRead, new() { ["redirect_uri"] = redirectUri }));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri is not one this application registered", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_client_is_refused_on_the_page()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var browser = oauth.Browser(clientId: "no-such-client");

        var response = await browser.Http.GetAsync(browser.AuthorizeUrl(Scopes.ContactsRead));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("This application is not known", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_verifier_is_invalid_grant()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var code = await browser.CodeAsync(email, OAuthWorkspace.Password);

        var response = await browser.ExchangeAsync(code, verifier: new string('a', 43));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", Error(await response.JsonAsync()));
    }

    [Fact]
    public async Task A_code_exchanged_with_another_redirect_uri_is_invalid_grant()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var code = await browser.CodeAsync(email, OAuthWorkspace.Password);

        var response = await browser.ExchangeAsync(code, redirect: "https://app.example/other");

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", Error(await response.JsonAsync()));
    }

    [Fact]
    public async Task A_code_exchanged_by_another_client_is_invalid_grant()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var (otherClient, _) = await api.CreateClientAsync(oauth.Workspace.Id, [Scopes.ContactsRead], confidential: false, [OAuthWorkspace.RedirectUri]);
        var browser = oauth.Browser();
        var code = await browser.CodeAsync(email, OAuthWorkspace.Password);

        var response = await browser.ExchangeAsync(code, asClient: otherClient);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", Error(await response.JsonAsync()));
        await (await browser.ExchangeAsync(code)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_replayed_code_is_refused_and_revokes_the_tokens_issued_from_it()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var code = await browser.CodeAsync(email, OAuthWorkspace.Password);
        var first = await (await browser.ExchangeAsync(code)).JsonAsync();
        using var http = api.ClientWithToken(first["access_token"]!.GetValue<string>());
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var replay = await browser.ExchangeAsync(code);

        await replay.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", Error(await replay.JsonAsync()));
        var call = await http.GetAsync("/api/v1/contacts");
        await call.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", call.Headers.WwwAuthenticate.ToString());
        var refresh = await browser.RefreshAsync(first["refresh_token"]!.GetValue<string>());
        Assert.Equal("invalid_grant", Error(await refresh.JsonAsync()));
    }

    [Fact]
    public async Task A_confidential_client_must_authenticate_to_exchange_its_code()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api, confidential: true);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var code = await browser.CodeAsync(email, OAuthWorkspace.Password);

        var withoutSecret = await oauth.Browser(oauth.ClientId, secret: null).ExchangeAsync(code, verifier: browser.Verifier);
        await withoutSecret.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", Error(await withoutSecret.JsonAsync()));

        await (await browser.ExchangeAsync(code)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_and_no_code()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");

        var response = await oauth.Browser().SignInAsync(email, "not the password");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Wrong email or password.", html);
        Assert.Contains($"value=\"{email}\"", html);
    }

    [Fact]
    public async Task Repeated_failures_lock_that_email_out_for_a_while_even_with_the_right_password()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var (_, colleague) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        for (var i = 0; i < 5; i++)
            Assert.Contains("Wrong email or password.", await (await browser.SignInAsync(email, $"guess {i}")).Content.ReadAsStringAsync());

        var locked = await browser.SignInAsync(email, OAuthWorkspace.Password);

        await locked.ShouldHaveStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many failed attempts", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Found, (await browser.SignInAsync(colleague, OAuthWorkspace.Password)).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var html = await (await browser.Http.GetAsync(browser.AuthorizeUrl(Scopes.ContactsRead))).Content.ReadAsStringAsync();
        var forged = html.Replace("__RequestVerificationToken", "something_else");

        var response = await browser.PostFormAsync(forged, email, OAuthWorkspace.Password);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Declining_sends_access_denied_back_with_the_state()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var browser = oauth.Browser();

        var query = browser.RedirectQuery(await browser.SignInAsync("", "", decision: "deny"));

        Assert.Equal("access_denied", query["error"]);
        Assert.Equal(browser.State, query["state"]);
    }

    [Fact]
    public async Task A_member_of_another_workspace_cannot_sign_in_through_this_client()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var other = await OAuthWorkspace.CreateAsync(api);
        var (_, outsider) = await other.MemberAsync("admin");

        var response = await oauth.Browser().SignInAsync(outsider, OAuthWorkspace.Password);

        Assert.Contains("Wrong email or password.", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Codes that live one second, to see one expire.</summary>
public sealed class ShortLivedCodeApi : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Auth:AuthorizationCodeLifetime"] = "00:00:01",
    };
}

public sealed class ExpiredCodeTests(ShortLivedCodeApi api) : IClassFixture<ShortLivedCodeApi>
{
    [Fact]
    public async Task An_expired_code_is_invalid_grant()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var code = await browser.CodeAsync(email, OAuthWorkspace.Password);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        var response = await browser.ExchangeAsync(code);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var body = await response.JsonAsync();
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
        Assert.Contains("expired", body["error_description"]!.GetValue<string>());
    }
}
