namespace HeadlessCrm.Api.Tests.Audit;

/// <summary>Every change is on record: who made it, when, and which fields went from what to what.</summary>
public sealed class AuditTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_records_history_shows_create_update_archive_and_restore_with_old_and_new_values()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var deal = await rep.Http.CreateAsync("/api/v1/deals", new { title = "Audited", amount = 100, currency = "EUR" });
        await (await rep.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { amount = 250, title = "Audited deal" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await rep.Http.DeleteAsync($"/api/v1/deals/{deal.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await rep.Http.PostAsync($"/api/v1/deals/{deal.Id()}/restore", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var events = (await rep.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/audit")).Data();
        Assert.Equal(["restored", "archived", "updated", "created"], events.Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(rep.Id, e!["actorMemberId"]!.GetValue<string>()));
        var update = events[2]!["changes"]!;
        Assert.Equal(100m, update["amount"]!["old"]!.GetValue<decimal>());
        Assert.Equal(250m, update["amount"]!["new"]!.GetValue<decimal>());
        Assert.Equal("Audited deal", update["title"]!["new"]!.GetValue<string>());
        Assert.Null(update["updatedAt"]);
        Assert.Equal("Audited", events[3]!["changes"]!["title"]!["new"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deals_contacts_added_and_removed_are_on_its_history()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Linked" });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Links" });
        await ws.Http.PutAsync($"/api/v1/deals/{deal.Id()}/contacts/{contact.Id()}", null);
        await ws.Http.DeleteAsync($"/api/v1/deals/{deal.Id()}/contacts/{contact.Id()}");

        var events = (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/audit")).Data();
        Assert.Equal(contact.Id(), events[0]!["changes"]!["contactIds"]!["removed"]![0]!.GetValue<string>());
        Assert.Equal(contact.Id(), events[1]!["changes"]!["contactIds"]!["added"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_record_one_cannot_see_has_no_history_one_can_read()
    {
        var ws = await api.NewWorkspaceAsync();
        var owner = await ws.MemberAsync("rep");
        var other = await ws.MemberAsync("rep");
        var contact = await owner.Http.CreateAsync("/api/v1/contacts", new { firstName = "Private" });
        await (await other.Http.GetAsync($"/api/v1/contacts/{contact.Id()}/audit")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admins_read_the_workspaces_trail_filtered_by_actor_and_action_and_secrets_never_show()
    {
        var ws = await api.NewWorkspaceAsync();
        var member = await ws.Http.CreateAsync("/api/v1/members", new { email = "audited@example.com", name = "Audited", password = "first secret password" });
        await ws.Http.PatchJsonAsync($"/api/v1/members/{member.Id()}", new { password = "second secret password" });
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Trail Co" });

        var created = (await ws.Http.GetJsonAsync($"/api/v1/audit?action=created&recordType=company")).Data();
        Assert.Equal(company.Id(), Assert.Single(created)!["recordId"]!.GetValue<string>());
        var memberEvents = (await ws.Http.GetJsonAsync($"/api/v1/audit?recordId={member.Id()}")).Data();
        Assert.True(memberEvents[0]!["changes"]!["passwordHash"]!["changed"]!.GetValue<bool>());
        Assert.DoesNotContain("secret password", (await ws.Http.GetJsonAsync("/api/v1/audit?limit=100")).ToJsonString());

        var rep = await ws.MemberAsync("rep");
        await (await rep.Http.GetAsync("/api/v1/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
