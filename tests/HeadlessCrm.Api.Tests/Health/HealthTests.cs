namespace HeadlessCrm.Api.Tests.Health;

public sealed class HealthTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task The_host_is_live_and_ready_when_its_database_is_migrated()
    {
        using var http = api.CreateClient();
        Assert.Equal("live", (await http.GetJsonAsync("/health/live"))["status"]!.GetValue<string>());
        Assert.Equal("ready", (await http.GetJsonAsync("/health/ready"))["status"]!.GetValue<string>());
    }
}
