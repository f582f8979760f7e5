namespace HeadlessCrm.Api.Tests.Contacts;

public sealed class ContactTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_contact_keeps_several_emails_and_phones_with_the_first_as_primary()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Grace",
            lastName = "Hopper",
            emails = new object[] { new { value = "grace@navy.example", label = "work" }, new { value = "g.hopper@home.example" } },
            phones = new object[] { new { value = "+1 (555) 010-0199", label = "mobile" } },
            title = "Rear Admiral",
            birthday = "1906-12-09",
            lifecycleStage = "qualified",
            source = "organic_search",
        });

        var emails = contact["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.True(emails[0]!["primary"]!.GetValue<bool>());
        Assert.False(emails[1]!["primary"]!.GetValue<bool>());
        Assert.Equal("1906-12-09", contact["birthday"]!.GetValue<string>());
        Assert.Equal("organic_search", contact["source"]!.GetValue<string>());
        Assert.Equal("qualified", contact["lifecycleStage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_contact_is_a_lead_unless_told_otherwise()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { lastName = "Lovelace" });
        Assert.Equal("lead", contact["lifecycleStage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_contact_needs_a_name_or_an_email()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/contacts", new { title = "Nobody" });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "lastName");
    }

    [Fact]
    public async Task Invalid_emails_are_refused_with_the_index_of_the_bad_one()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/contacts", new
        {
            firstName = "Alan",
            emails = new object[] { new { value = "alan@bletchley.example" }, new { value = "not-an-email" } },
        });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "emails[1].value");
    }

    [Fact]
    public async Task A_contact_can_be_found_by_any_of_its_emails_ignoring_case()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Katherine",
            emails = new object[] { new { value = "kj@nasa.example" }, new { value = "Katherine.Johnson@Home.example" } },
        });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Dorothy", emails = new object[] { new { value = "dv@nasa.example" } } });

        var found = (await ws.Http.GetJsonAsync("/api/v1/contacts?email=katherine.johnson@home.example")).Data();
        Assert.Equal(contact.Id(), Assert.Single(found)!.Id());
    }

    [Fact]
    public async Task A_contact_can_be_found_by_phone_digits_however_they_are_written()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mary", phones = new object[] { new { value = "+44 20 7946 0958" } } });

        var response = await ws.Http.PostJsonAsync("/api/v1/contacts/search", new
        {
            filter = new { field = "phone", op = "contains", value = "+44 (20) 7946-0958" },
        });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(contact.Id(), Assert.Single((await response.JsonAsync()).Data())!.Id());
    }

    [Fact]
    public async Task Patching_emails_replaces_the_whole_list()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Hedy",
            emails = new object[] { new { value = "hedy@one.example" }, new { value = "hedy@two.example" } },
        });

        var response = await ws.Http.PatchJsonAsync($"/api/v1/contacts/{contact.Id()}", new { emails = new object[] { new { value = "hedy@three.example" } } });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var emails = (await response.JsonAsync())["emails"]!.AsArray();
        Assert.Equal("hedy@three.example", Assert.Single(emails)!["value"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/contacts?email=hedy@one.example")).Data());
    }

    [Fact]
    public async Task A_contact_cannot_point_at_a_company_that_does_not_exist()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "Ghost", companyId = Guid.NewGuid() });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "companyId");
    }

    [Fact]
    public async Task Contacts_sort_by_last_name_then_first_name()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Zoe", lastName = "Adams" });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ann", lastName = "Baker" });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Abe", lastName = "Adams" });

        var names = (await ws.Http.GetJsonAsync("/api/v1/contacts?sort=name")).Data()
            .Select(c => $"{c!["firstName"]} {c["lastName"]}");
        Assert.Equal(["Abe Adams", "Zoe Adams", "Ann Baker"], names);
    }
}
