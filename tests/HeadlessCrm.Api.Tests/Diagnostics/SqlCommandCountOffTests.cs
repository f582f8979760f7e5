namespace HeadlessCrm.Api.Tests.Diagnostics;

/// <summary>The default host: no counting, no header.</summary>
public sealed class SqlCommandCountOffTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task Without_the_setting_responses_carry_no_sql_command_count()
    {
        var ws = await api.NewWorkspaceAsync();

        var response = await ws.Http.GetAsync("/api/v1/contacts");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.False(response.Headers.Contains("X-Sql-Commands"));
    }
}
