using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>
/// What a browser does in the authorization code flow: open the authorize URL, read the sign-in form (its hidden
/// fields carry the antiforgery token and the request), post the member's email and password, and stop at the
/// redirect to the application, whose query holds the code. Then the application exchanges code and verifier.
/// </summary>
public sealed partial class SignInBrowser(CrmApi api, string clientId, string redirectUri, string? clientSecret = null)
{
    /// <summary>Keeps cookies (the antiforgery cookie) and does not follow redirects: the redirect is the answer.</summary>
    public HttpClient Http { get; } = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(48));

    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public string State { get; } = Guid.NewGuid().ToString("N");

    public string AuthorizeUrl(string scope, Dictionary<string, string?>? overrides = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = State,
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (key, value) in overrides ?? []) query[key] = value;
        return QueryHelpers.AddQueryString("/connect/authorize", query.Where(p => p.Value is not null).ToDictionary());
    }

    /// <summary>GET the page, post the form with these credentials; the response to the post.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string scope = "crm.contacts.read crm.deals.read", string decision = "allow")
    {
        var page = await Http.GetAsync(AuthorizeUrl(scope));
        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await PostFormAsync(await page.Content.ReadAsStringAsync(), email, password, decision);
    }

    /// <summary>Posts the form of <paramref name="html"/> as a browser would: every hidden field, plus the credentials.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string html, string email, string password, string decision = "allow")
    {
        var fields = HiddenFields(html);
        fields.Add(new("email", email));
        fields.Add(new("password", password));
        fields.Add(new("decision", decision));
        return Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
    }

    /// <summary>The whole flow up to the code, asserting the redirect goes back to the application with our state.</summary>
    public async Task<string> CodeAsync(string email, string password, string scope = "crm.contacts.read crm.deals.read")
    {
        var response = await SignInAsync(email, password, scope);
        var query = RedirectQuery(response);
        Assert.Equal(State, query["state"]);
        return query["code"]!;
    }

    /// <summary>The parameters of the redirect back to the application (a 302 to <c>redirect_uri</c>).</summary>
    public Dictionary<string, string?> RedirectQuery(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(redirectUri + "?", location);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? verifier = null, string? redirect = null, string? asClient = null) =>
        TokenAsync(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier ?? Verifier),
            ("redirect_uri", redirect ?? redirectUri), ("client_id", asClient ?? clientId));

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        TokenAsync(("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", clientId));

    /// <summary>POST /connect/token as this application (with its secret when it is confidential).</summary>
    public async Task<HttpResponseMessage> TokenAsync(params (string Key, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        if (clientSecret is not null && form.Any(f => f is { Key: "client_id" } && f.Value == clientId)) form.Add(new("client_secret", clientSecret));
        using var http = api.CreateClient();
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    /// <summary>The full flow: the token response (access and refresh token).</summary>
    public async Task<JsonNode> TokensAsync(string email, string password, string scope = "crm.contacts.read crm.deals.read")
    {
        var response = await ExchangeAsync(await CodeAsync(email, password, scope));
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    public static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
