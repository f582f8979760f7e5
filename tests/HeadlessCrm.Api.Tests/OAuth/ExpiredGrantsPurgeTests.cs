using Npgsql;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>Refresh tokens that live two seconds and a purge every half second.</summary>
public sealed class QuickPurgeApi : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Auth:RefreshTokenLifetime"] = "00:00:02",
        ["Crm:Auth:PurgeInterval"] = "00:00:00.500",
        ["Crm:Background:PollInterval"] = "00:00:00.100",
    };
}

public sealed class ExpiredGrantsPurgeTests(QuickPurgeApi api) : IClassFixture<QuickPurgeApi>
{
    [Fact]
    public async Task Expired_refresh_tokens_are_deleted_and_stay_refused()
    {
        var oauth = await OAuthWorkspace.CreateAsync(api);
        var (memberId, email) = await oauth.MemberAsync("rep");
        var browser = oauth.Browser();
        var tokens = await browser.TokensAsync(email, OAuthWorkspace.Password);
        Assert.Equal(1, await RefreshTokensOfAsync(memberId));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await RefreshTokensOfAsync(memberId) > 0 && DateTime.UtcNow < deadline) await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal(0, await RefreshTokensOfAsync(memberId));
        var refresh = await browser.RefreshAsync(tokens["refresh_token"]!.GetValue<string>());
        Assert.Equal("invalid_grant", (await refresh.JsonAsync())["error"]!.GetValue<string>());
    }

    private async Task<long> RefreshTokensOfAsync(string memberId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM oauth_refresh_tokens t JOIN oauth_grants g ON g.id = t.grant_id WHERE g.subject = @member", connection);
        count.Parameters.AddWithValue("member", memberId);
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
