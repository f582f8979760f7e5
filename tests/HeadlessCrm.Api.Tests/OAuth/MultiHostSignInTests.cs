using HeadlessCrm.Api.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>Behind a load balancer the sign-in form may be served by one host and posted to another.</summary>
public sealed class MultiHostSignInTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_form_served_by_one_host_is_accepted_by_another_because_the_key_ring_is_in_the_database()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (_, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var page = await browser.Http.GetAsync(browser.AuthorizeUrl("crm.contacts.read"));
        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm-signin=", StringComparison.Ordinal)).Split(';')[0];

        await using var otherHost = new ConfiguredHost(new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = api.ConnectionString });
        using var other = otherHost.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var fields = SignInBrowser.HiddenFields(await page.Content.ReadAsStringAsync());
        fields.AddRange([new("email", email), new("password", OAuthWorkspace.Password), new("decision", "allow")]);
        var post = new HttpRequestMessage(HttpMethod.Post, "/connect/authorize") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookie);

        var response = await other.SendAsync(post);

        Assert.Equal(browser.State, browser.RedirectQuery(response)["state"]);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        Assert.True((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))! >= 1);
    }
}
