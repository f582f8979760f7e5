using HeadlessCrm.GraphQL;
using HeadlessCrm.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>
/// The committed openapi/schema.graphql is the GraphQL contract clients generate code from: it must be what the host
/// serves. Refresh it with: HEADLESSCRM_UPDATE_SNAPSHOTS=1 dotnet test --filter GraphSchemaTests
/// </summary>
public sealed class GraphSchemaTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task The_served_schema_matches_the_committed_SDL()
    {
        var served = SchemaPrinter.Print(api.Services.GetRequiredService<GraphQLEngine>().Schema) + "\n";
        var path = Path.Combine(RepositoryRoot(), "openapi", "schema.graphql");

        if (Environment.GetEnvironmentVariable("HEADLESSCRM_UPDATE_SNAPSHOTS") == "1") await File.WriteAllTextAsync(path, served);

        Assert.True(File.Exists(path), $"{path} is missing; run HEADLESSCRM_UPDATE_SNAPSHOTS=1 dotnet test --filter GraphSchemaTests");
        Assert.True(served == await File.ReadAllTextAsync(path),
            "openapi/schema.graphql differs from the served schema; if the change is intended, run HEADLESSCRM_UPDATE_SNAPSHOTS=1 dotnet test --filter GraphSchemaTests");
    }

    [Fact]
    public async Task Queries_deeper_or_costlier_than_the_limits_are_refused_before_they_run()
    {
        var ws = await api.NewWorkspaceAsync();
        var deep = await ws.Http.PostJsonAsync("/graphql", new
        {
            query = "{ deals { nodes { company { contacts { nodes { company { deals { nodes { company { contacts { nodes { company { name } } } } } } } } } } } } }",
        });
        var costly = await ws.Http.PostJsonAsync("/graphql", new
        {
            query = "{ deals(first: 100) { nodes { contacts { nodes { activities(first: 100) { nodes { contact { firstName } } } } } } } }",
        });

        Assert.Equal("MAX_DEPTH_EXCEEDED", (await deep.JsonAsync()).Errors()[0].Code());
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", (await costly.JsonAsync()).Errors()[0].Code());
    }

    [Fact]
    public async Task A_persisted_query_is_sent_once_then_by_its_hash()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Hashed" });
        const string query = "{ companies { nodes { name } } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var unknown = await (await ws.Http.PostJsonAsync("/graphql", new { extensions })).JsonAsync();
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown.Errors()[0].Code());
        await ws.Http.PostJsonAsync("/graphql", new { query, extensions });
        var byHash = await (await ws.Http.PostJsonAsync("/graphql", new { extensions })).JsonAsync();
        Assert.Equal("Hashed", byHash["data"]!["companies"]!["nodes"]![0]!["name"]!.GetValue<string>());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HeadlessCrm.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (HeadlessCrm.sln).");
    }
}
