namespace HeadlessCrm.Api.Tests.Segments;

/// <summary>The activity facts contacts and companies filter on: lastActivityAt and hasOpenDeal, in searches and segments.</summary>
public sealed class ActivityFactTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static async Task<string[]> SearchAsync(HttpClient http, string resource, object filter) =>
        (await (await http.PostJsonAsync($"/api/v1/{resource}/search", new { filter, limit = 100 })).JsonAsync()).Data().Select(r => r!.Id()).Order().ToArray();

    private static object NoActivitySince(DateTime since) => new
    {
        or = new object[]
        {
            new { field = "lastActivityAt", op = "lt", value = since.ToString("O") },
            new { field = "lastActivityAt", op = "isNull", value = true },
        },
    };

    [Fact]
    public async Task No_activity_in_90_days_counts_the_latest_live_activity_of_each_record()
    {
        var ws = await api.NewWorkspaceAsync();
        var now = DateTime.UtcNow;
        var recent = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Recent" });
        var stale = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Stale" });
        var silent = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Silent" });
        var revived = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Archived call" });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Call", occurredAt = now.AddDays(-200), contactId = recent.Id() });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Call", occurredAt = now.AddDays(-10), contactId = recent.Id() });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Call", occurredAt = now.AddDays(-120), contactId = stale.Id() });
        var archived = await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Call", occurredAt = now.AddDays(-5), contactId = revived.Id() });
        await ws.Http.DeleteAsync($"/api/v1/activities/{archived.Id()}");

        var lapsed = NoActivitySince(now.AddDays(-90));
        Assert.Equal(new[] { stale.Id(), silent.Id(), revived.Id() }.Order(), await SearchAsync(ws.Http, "contacts", lapsed));
        Assert.Equal([recent.Id()], await SearchAsync(ws.Http, "contacts", new { field = "lastActivityAt", op = "gt", value = now.AddDays(-90).ToString("O") }));

        var segment = await ws.Http.CreateAsync("/api/v1/segments", new { name = "Lapsed", @object = "contacts", filter = lapsed });
        Assert.Equal(3, (await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/count"))["count"]!.GetValue<int>());

        // Companies too, through the activities logged against them.
        var busy = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Busy" });
        var quiet = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Quiet" });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "meeting", subject = "Visit", occurredAt = now.AddDays(-1), companyId = busy.Id() });
        Assert.Equal([quiet.Id()], await SearchAsync(ws.Http, "companies", lapsed));

        await (await ws.Http.PostJsonAsync("/api/v1/contacts/search", new { filter = new { field = "lastActivityAt", op = "lt", value = "soon" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
    }

    [Fact]
    public async Task Has_an_open_deal_looks_at_the_deals_a_contact_is_on_and_a_company_holds()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!["stages"]!.AsArray();
        var won = stages.First(s => s!["kind"]!.GetValue<string>() == "won")!.Id();
        var buyer = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Buyer" });
        var closed = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Closed" });
        var none = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "None" });
        var acme = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme" });
        var globex = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Globex" });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Open", contactIds = new[] { buyer.Id() }, companyId = acme.Id() });
        var closing = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Won", contactIds = new[] { closed.Id() }, companyId = globex.Id() });
        await (await ws.Http.PatchJsonAsync($"/api/v1/deals/{closing.Id()}", new { stageId = won })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Equal([buyer.Id()], await SearchAsync(ws.Http, "contacts", new { field = "hasOpenDeal", value = true }));
        Assert.Equal(new[] { closed.Id(), none.Id() }.Order(), await SearchAsync(ws.Http, "contacts", new { field = "hasOpenDeal", value = false }));
        Assert.Equal([acme.Id()], await SearchAsync(ws.Http, "companies", new { field = "hasOpenDeal", value = true }));

        var segment = await ws.Http.CreateAsync("/api/v1/segments", new
        {
            name = "Open pipeline, no recent activity",
            @object = "companies",
            filter = new { and = new object[] { new { field = "hasOpenDeal", value = true }, NoActivitySince(DateTime.UtcNow.AddDays(-90)) } },
        });
        Assert.Equal([acme.Id()], (await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/members")).Data().Select(r => r!.Id()));
    }
    [Fact]
    public async Task Facts_count_only_the_activities_and_deals_the_caller_can_see()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var admin = await ws.MemberAsync("admin");
        var now = DateTime.UtcNow;
        var customer = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Shared customer" });
        var account = await rep.Http.CreateAsync("/api/v1/companies", new { name = "Rep's account" });
        await rep.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Old call", occurredAt = now.AddDays(-120), contactId = customer.Id(), companyId = account.Id() });
        // The admin's own call and deal on the rep's records: the rep cannot see them.
        await admin.Http.CreateAsync("/api/v1/activities", new { type = "meeting", subject = "Exec visit", occurredAt = now.AddDays(-3), contactId = customer.Id(), companyId = account.Id() });
        await admin.Http.CreateAsync("/api/v1/deals", new { title = "Exec deal", contactIds = new[] { customer.Id() }, companyId = account.Id() });

        var lapsed = NoActivitySince(now.AddDays(-90));
        var openDeal = new { field = "hasOpenDeal", value = true };
        Assert.Empty(await SearchAsync(admin.Http, "contacts", lapsed));
        Assert.Equal([customer.Id()], await SearchAsync(rep.Http, "contacts", lapsed));
        Assert.Equal([customer.Id()], await SearchAsync(admin.Http, "contacts", openDeal));
        Assert.Empty(await SearchAsync(rep.Http, "contacts", openDeal));
        Assert.Empty(await SearchAsync(admin.Http, "companies", lapsed));
        Assert.Equal([account.Id()], await SearchAsync(rep.Http, "companies", lapsed));
        Assert.Equal([account.Id()], await SearchAsync(admin.Http, "companies", openDeal));
        Assert.Empty(await SearchAsync(rep.Http, "companies", openDeal));

        // One saved segment, two callers, two counts: each counts what they may see.
        var segment = await admin.Http.CreateAsync("/api/v1/segments", new { name = "Lapsed", @object = "contacts", filter = lapsed });
        Assert.Equal(0, (await admin.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/count"))["count"]!.GetValue<int>());
        Assert.Equal(1, (await rep.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/count"))["count"]!.GetValue<int>());
    }
}
