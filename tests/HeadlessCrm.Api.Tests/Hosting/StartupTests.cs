using System.Net.Http.Headers;
using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Without_a_connection_string_the_host_runs_its_own_postgres_and_stops_it_at_shutdown()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"headlesscrm-host-{Guid.NewGuid():N}", "pgdata");
        try
        {
            var host = new ConfiguredHost(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Crm"] = "",
                ["Crm:EmbeddedPostgres:DataDir"] = dataDir,
            });
            using (var http = host.CreateClient())
            {
                Assert.Equal("ready", (await http.GetJsonAsync("/health/ready"))["status"]!.GetValue<string>());
                Assert.True(File.Exists(Path.Combine(dataDir, "postmaster.pid")));
            }
            await host.DisposeAsync();
            Assert.False(File.Exists(Path.Combine(dataDir, "postmaster.pid")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dataDir)!, recursive: true);
        }
    }

    [Fact]
    public async Task The_bootstrap_client_gets_every_scope_and_restarts_reuse_its_workspace()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = await TestCluster.NewDatabaseAsync(),
            ["Crm:Bootstrap:ClientId"] = "ops-harness",
            ["Crm:Bootstrap:ClientSecret"] = "correct horse battery staple",
            ["Crm:Bootstrap:DemoData"] = "true",
        };

        string workspace;
        await using (var first = new ConfiguredHost(settings))
        {
            var token = await TokenAsync(first);
            Assert.Equal(Scopes.All.Order(), token.Scope.Split(' ').Order());
            workspace = token.Workspace;
            using var http = first.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            Assert.NotEmpty((await http.GetJsonAsync("/api/v1/deals")).Data());
        }

        await using var second = new ConfiguredHost(settings);
        Assert.Equal(workspace, (await TokenAsync(second)).Workspace);
    }

    private static async Task<(string AccessToken, string Scope, string Workspace)> TokenAsync(ConfiguredHost host)
    {
        using var http = host.CreateClient();
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "ops-harness",
            ["client_secret"] = "correct horse battery staple",
        }));
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        var token = body["access_token"]!.GetValue<string>();
        var workspace = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).GetClaim("workspace_id").Value;
        return (token, body["scope"]!.GetValue<string>(), workspace);
    }
}
