namespace HeadlessCrm.Api.Tests.OpenApi;

/// <summary>
/// The committed openapi/v1.json is the contract clients generate code from: it must be what the host serves.
/// Refresh it with: HEADLESSCRM_UPDATE_SNAPSHOTS=1 dotnet test --filter OpenApiDocumentTests
/// </summary>
public sealed class OpenApiDocumentTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task The_served_document_matches_the_committed_one()
    {
        using var http = api.CreateClient();
        var served = (await http.GetJsonAsync("/openapi/v1.json")).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = Path.Combine(RepositoryRoot(), "openapi", "v1.json");

        if (Environment.GetEnvironmentVariable("HEADLESSCRM_UPDATE_SNAPSHOTS") == "1") await File.WriteAllTextAsync(path, served);

        Assert.True(File.Exists(path), $"{path} is missing; run HEADLESSCRM_UPDATE_SNAPSHOTS=1 dotnet test --filter OpenApiDocumentTests");
        Assert.True(served == await File.ReadAllTextAsync(path),
            "openapi/v1.json differs from the served document; if the change is intended, run HEADLESSCRM_UPDATE_SNAPSHOTS=1 dotnet test --filter OpenApiDocumentTests");
    }

    [Fact]
    public async Task Every_scoped_operation_declares_its_oauth_scope()
    {
        using var http = api.CreateClient();
        var document = await http.GetJsonAsync("/openapi/v1.json");
        Assert.Equal("oauth2", document["components"]!["securitySchemes"]!["oauth2"]!["type"]!.GetValue<string>());
        var contactsGet = document["paths"]!["/api/v1/contacts/{id}"]!["get"]!;
        Assert.Equal("crm.contacts.read", contactsGet["security"]![0]!["oauth2"]![0]!.GetValue<string>());
        var list = document["paths"]!["/api/v1/deals"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        Assert.Contains("stageId", list);
        Assert.Contains("cursor", list);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HeadlessCrm.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (HeadlessCrm.sln).");
    }
}
