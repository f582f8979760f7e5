namespace HeadlessCrm.Api.Tests.Diagnostics;

/// <summary>X-Sql-Commands: how many database commands a request sent, for the benchmarks (docs/performance.md).</summary>
public sealed class SqlCommandCountTests(SqlCountingApi api) : IClassFixture<SqlCountingApi>
{
    [Fact]
    public async Task Reading_a_contact_by_id_takes_one_sql_command()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ada", lastName = "Lindqvist" });

        var response = await ws.Http.GetAsync($"/api/v1/contacts/{contact.Id()}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("1", response.Headers.GetValues("X-Sql-Commands").Single());
    }

    [Fact]
    public async Task A_list_takes_as_many_sql_commands_for_a_page_of_one_as_for_a_page_of_twelve()
    {
        var ws = await api.NewWorkspaceAsync();
        for (var i = 0; i < 12; i++) await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = $"Contact {i}" });

        var one = await ws.Http.GetAsync("/api/v1/contacts?limit=1");
        var twelve = await ws.Http.GetAsync("/api/v1/contacts?limit=12");

        Assert.Single((await one.JsonAsync()).Data());
        Assert.Equal(12, (await twelve.JsonAsync()).Data().Count);
        Assert.Equal("1", one.Headers.GetValues("X-Sql-Commands").Single());
        Assert.Equal("1", twelve.Headers.GetValues("X-Sql-Commands").Single());
    }
}
