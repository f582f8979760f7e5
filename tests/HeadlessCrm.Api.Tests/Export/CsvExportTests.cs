using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.Export;

/// <summary>GET /api/v1/&lt;resource&gt;/export.csv: the list as CSV, filtered, visibility-bound, safe to open in a spreadsheet.</summary>
public sealed class CsvExportTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static async Task<string[]> LinesAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Exports_the_filtered_list_with_custom_field_columns_and_quoted_values()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "seats", label = "Seats", type = "number" });
        var ana = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Ana, \"the\" boss", lastName = "=HYPERLINK(\"x\")", lifecycleStage = "customer",
            emails = new[] { new { value = "ana@example.com" }, new { value = "ana2@example.com" } }, address = new { city = "Lisboa" },
            customFields = new { seats = 12 },
        });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Lead" });

        var lines = await LinesAsync(ws.Http, "/api/v1/contacts/export.csv?lifecycleStage=customer");
        var header = lines[0].Split(',');
        Assert.Equal(2, lines.Length);
        Assert.Equal("id", header[0]);
        Assert.Contains("address.city", header);
        Assert.Equal("customFields.seats", header[^1]);
        Assert.StartsWith(ana.Id() + ",\"Ana, \"\"the\"\" boss\",\"'=HYPERLINK(\"\"x\"\")\",ana@example.com; ana2@example.com,", lines[1]);
        Assert.Contains(",Lisboa,", lines[1]);
        Assert.EndsWith(",12", lines[1]);

        var tree = Uri.EscapeDataString("""{"field":"customFields.seats","op":"gte","value":10}""");
        Assert.Equal(2, (await LinesAsync(ws.Http, $"/api/v1/contacts/export.csv?filter={tree}")).Length);
        await (await ws.Http.GetAsync("/api/v1/contacts/export.csv?filter=%7Bnope")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        await (await ws.Http.GetAsync("/api/v1/contacts/export.csv?shoeSize=4")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "shoeSize");
    }

    [Fact]
    public async Task Exports_every_row_across_pages_and_only_what_the_caller_sees()
    {
        var ws = await api.NewWorkspaceAsync();
        var ops = Enumerable.Range(0, 100).Select(i => new { op = "create", record = new { name = $"Company {i:D3}" } }).ToArray();
        for (var batch = 0; batch < 11; batch++)
            await (await ws.Http.PostJsonAsync("/api/v1/companies/batch", new { operations = ops })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var lines = await LinesAsync(ws.Http, "/api/v1/companies/export.csv?sort=name");
        Assert.Equal(1 + 1100, lines.Length);
        Assert.Equal(1100, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());

        var manager = await ws.MemberAsync("manager");
        var mine = await manager.Http.CreateAsync("/api/v1/companies", new { name = "Manager's" });
        var managerLines = await LinesAsync(manager.Http, "/api/v1/companies/export.csv");
        Assert.Equal(2, managerLines.Length);
        Assert.StartsWith(mine.Id(), managerLines[1]);

        var rep = await ws.MemberAsync("rep");
        await (await rep.Http.GetAsync("/api/v1/companies/export.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var importOnly = await ws.ClientWithScopesAsync(Scopes.Import);
        await (await importOnly.GetAsync("/api/v1/companies/export.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
