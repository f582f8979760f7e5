namespace HeadlessCrm.Api.Tests.Timeline;

public sealed class TimelineTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_deals_timeline_merges_its_activities_and_stage_changes_newest_first()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!["stages"]!.AsArray();
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Timeline deal" });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "First call", dealId = deal.Id(), occurredAt = DateTime.UtcNow.AddMinutes(1) });
        await (await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = stages[1]!.Id() })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "After the move", dealId = deal.Id(), occurredAt = DateTime.UtcNow.AddMinutes(2) });

        var entries = (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/timeline")).Data();
        Assert.Equal(["activity", "activity", "stage_change", "stage_change"], entries.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal("After the move", entries[0]!["activity"]!["body"]!.GetValue<string>());
        Assert.Equal(stages[1]!.Id(), entries[2]!["stageChange"]!["stageId"]!.GetValue<string>());
        var times = entries.Select(e => e!["at"]!.GetValue<DateTime>()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task A_companys_timeline_includes_what_happened_with_its_contacts_and_deals()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Timeline Co" });
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Tim", companyId = company.Id() });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Co deal", companyId = company.Id() });
        var onCompany = await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "company", companyId = company.Id() });
        var onContact = await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "contact", contactId = contact.Id() });
        var onDeal = await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "deal", dealId = deal.Id() });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "unrelated" });

        var entries = (await ws.Http.GetJsonAsync($"/api/v1/companies/{company.Id()}/timeline")).Data();
        var activityIds = entries.Where(e => e!["kind"]!.GetValue<string>() == "activity").Select(e => e!["activity"]!.Id()).Order();
        Assert.Equal(new[] { onCompany.Id(), onContact.Id(), onDeal.Id() }.Order(), activityIds);
        Assert.Contains(entries, e => e!["kind"]!.GetValue<string>() == "stage_change");
    }

    [Fact]
    public async Task A_long_timeline_pages_without_gaps_or_repeats()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Busy" });
        var start = DateTime.UtcNow.AddDays(-1);
        var created = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            // Some share a timestamp: the id breaks the tie.
            var at = start.AddMinutes(i / 2);
            created.Add((await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = $"n{i}", contactId = contact.Id(), occurredAt = at })).Id());
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ws.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}/timeline?limit=5" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Data().Select(e => e!["activity"]!.Id()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.Equal(created.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
