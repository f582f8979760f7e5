namespace HeadlessCrm.Api.Tests.Companies;

public sealed class CompanyTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_created_company_can_be_read_back_with_its_location_and_etag()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/companies", new
        {
            name = "Initech",
            domain = "https://www.Initech.example/about",
            kind = "partner",
            industry = "Software",
            employeeCount = 120,
            address = new { city = "Austin", country = "US", latitude = 30.27, longitude = -97.74 },
            tags = new[] { "Key-Account", "key-account" },
        });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = await response.JsonAsync();
        Assert.Equal($"/api/v1/companies/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("initech.example", created["domain"]!.GetValue<string>());
        Assert.Equal(["key-account"], created["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var read = await ws.Http.GetAsync($"/api/v1/companies/{created.Id()}");
        await read.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
        var company = await read.JsonAsync();
        Assert.Equal("Initech", company["name"]!.GetValue<string>());
        Assert.Equal("partner", company["kind"]!.GetValue<string>());
        Assert.Equal(30.27, company["address"]!["latitude"]!.GetValue<double>());
        Assert.Null(company["archivedAt"]);
    }

    [Fact]
    public async Task A_company_is_prospect_unless_told_otherwise()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Hooli" });
        Assert.Equal("prospect", created["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_merge_patch_changes_only_what_it_names_and_null_clears_a_field()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Vandelay", industry = "Import", phone = "+1 555 0100" });

        var response = await ws.Http.PatchJsonAsync($"/api/v1/companies/{created.Id()}", new { industry = (string?)null, employeeCount = 12 });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var updated = await response.JsonAsync();
        Assert.Equal("Vandelay", updated["name"]!.GetValue<string>());
        Assert.Null(updated["industry"]);
        Assert.Equal(12, updated["employeeCount"]!.GetValue<int>());
        Assert.Equal("+1 555 0100", updated["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Archiving_hides_a_company_from_the_list_and_restoring_brings_it_back()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Soylent" });

        var archived = await ws.Http.DeleteAsync($"/api/v1/companies/{created.Id()}");
        await archived.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/companies")).Data());
        var archivedList = (await ws.Http.GetJsonAsync("/api/v1/companies?archived=true")).Data();
        Assert.Equal(created.Id(), Assert.Single(archivedList)!.Id());
        Assert.NotNull((await ws.Http.GetJsonAsync($"/api/v1/companies/{created.Id()}"))["archivedAt"]);

        var restored = await ws.Http.PostAsync($"/api/v1/companies/{created.Id()}/restore", null);
        await restored.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Null((await restored.JsonAsync())["archivedAt"]);
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/companies")).Data());
    }

    [Fact]
    public async Task A_company_without_a_name_is_refused_with_the_field_named()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/companies", new { domain = "example.com" });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
    }

    [Fact]
    public async Task A_companys_contacts_and_deals_are_listed_under_it()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Wonka Industries" });
        var other = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Slugworth" });
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Charlie", companyId = company.Id() });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Arthur", companyId = other.Id() });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Golden ticket", companyId = company.Id() });

        var contacts = (await ws.Http.GetJsonAsync($"/api/v1/companies/{company.Id()}/contacts")).Data();
        Assert.Equal(contact.Id(), Assert.Single(contacts)!.Id());
        var deals = (await ws.Http.GetJsonAsync($"/api/v1/companies/{company.Id()}/deals")).Data();
        Assert.Equal(deal.Id(), Assert.Single(deals)!.Id());
    }
}
