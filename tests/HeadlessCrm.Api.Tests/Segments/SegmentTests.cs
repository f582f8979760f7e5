using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.Segments;

/// <summary>Segments: saved filter trees, checked when saved and evaluated live through each caller's visibility.</summary>
public sealed class SegmentTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static readonly object Customers = new { field = "lifecycleStage", value = "customer" };

    private static Task<JsonObject> SaveAsync(HttpClient http, string name, string @object, object filter) =>
        http.CreateAsync("/api/v1/segments", new { name, @object, filter });

    private static async Task<int> CountAsync(HttpClient http, string segmentId) =>
        (await http.GetJsonAsync($"/api/v1/segments/{segmentId}/count"))["count"]!.GetValue<int>();

    private static async Task<string[]> MemberIdsAsync(HttpClient http, string segmentId) =>
        (await http.GetJsonAsync($"/api/v1/segments/{segmentId}/members?limit=100")).Data().Select(r => r!.Id()).Order().ToArray();

    [Fact]
    public async Task A_segment_is_saved_read_changed_and_deleted()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await SaveAsync(ws.Http, " Customers ", "contacts", Customers);
        Assert.Equal("Customers", created["name"]!.GetValue<string>());
        Assert.Equal("contacts", created["object"]!.GetValue<string>());
        Assert.Equal("customer", created["filter"]!["value"]!.GetValue<string>());

        var read = await ws.Http.GetJsonAsync($"/api/v1/segments/{created.Id()}");
        Assert.Equal("Customers", read["name"]!.GetValue<string>());
        await SaveAsync(ws.Http, "Big deals", "deals", new { field = "amount", op = "gte", value = 1000 });
        Assert.Equal(["contacts", "deals"], (await ws.Http.GetJsonAsync("/api/v1/segments")).Data().Select(s => s!["object"]!.GetValue<string>()));
        Assert.Equal(["Big deals"], (await ws.Http.GetJsonAsync("/api/v1/segments?object=deals")).Data().Select(s => s!["name"]!.GetValue<string>()));

        // A filter in a patch replaces the saved tree whole (a merge would mix two trees).
        var patched = await (await ws.Http.PatchJsonAsync($"/api/v1/segments/{created.Id()}", new
        {
            name = "Leads or lapsed",
            filter = new { or = new object[] { new { field = "lifecycleStage", value = "lead" }, new { field = "lifecycleStage", value = "lapsed" } } },
        })).JsonAsync();
        Assert.Equal("Leads or lapsed", patched["name"]!.GetValue<string>());
        Assert.Null(patched["filter"]!["field"]);
        Assert.Equal(2, patched["filter"]!["or"]!.AsArray().Count);

        await (await ws.Http.DeleteAsync($"/api/v1/segments/{created.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await ws.Http.GetAsync($"/api/v1/segments/{created.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_filter_the_record_type_cannot_run_is_refused_when_saved()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "seats", label = "Seats", type = "number" });

        await (await ws.Http.PostJsonAsync("/api/v1/segments", new { name = "x", @object = "contacts", filter = new { field = "nope", value = 1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        await (await ws.Http.PostJsonAsync("/api/v1/segments", new { name = "x", @object = "contacts", filter = new { and = Array.Empty<object>() } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter.and");
        await (await ws.Http.PostJsonAsync("/api/v1/segments", new { name = "x", @object = "contacts", filter = new { field = "customFields.seats", op = "gte", value = "many" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        // A field of deals is not a field of contacts.
        await (await ws.Http.PostJsonAsync("/api/v1/segments", new { name = "x", @object = "contacts", filter = new { field = "amount", op = "gte", value = 1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        await (await ws.Http.PostJsonAsync("/api/v1/segments", new { name = "x", @object = "tickets", filter = Customers }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "object");
        await (await ws.Http.PostJsonAsync("/api/v1/segments", new { name = "", @object = "contacts" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "filter");

        var saved = await SaveAsync(ws.Http, "Many seats", "contacts", new { field = "customFields.seats", op = "gte", value = 10 });
        await (await ws.Http.PatchJsonAsync($"/api/v1/segments/{saved.Id()}", new { filter = new { field = "nope", value = 1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        Assert.Equal("customFields.seats", (await ws.Http.GetJsonAsync($"/api/v1/segments/{saved.Id()}"))["filter"]!["field"]!.GetValue<string>());
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/segments")).Data());
    }

    [Fact]
    public async Task Members_are_evaluated_live_and_keyset_paged_with_their_count()
    {
        var ws = await api.NewWorkspaceAsync();
        var segment = await SaveAsync(ws.Http, "Customers", "contacts", Customers);
        var customers = new List<string>();
        for (var i = 0; i < 5; i++)
            customers.Add((await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = $"C{i}", lifecycleStage = "customer" })).Id());
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Lead", lifecycleStage = "lead" });

        Assert.Equal(5, await CountAsync(ws.Http, segment.Id()));
        var first = await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/members?limit=2");
        var second = await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/members?limit=2&cursor={first["nextCursor"]!.GetValue<string>()}");
        var third = await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/members?limit=2&cursor={second["nextCursor"]!.GetValue<string>()}");
        Assert.Null(third["nextCursor"]);
        var paged = first.Data().Concat(second.Data()).Concat(third.Data()).ToList();
        // Newest first, as the contacts list; the members are contacts as the contacts API returns them.
        Assert.Equal(customers.AsEnumerable().Reverse(), paged.Select(r => r!.Id()));
        Assert.Equal("C4", paged[0]!["firstName"]!.GetValue<string>());

        // Live: a contact that changes stage leaves the segment, an archived one is not a member.
        await ws.Http.PatchJsonAsync($"/api/v1/contacts/{customers[0]}", new { lifecycleStage = "churned" });
        await ws.Http.DeleteAsync($"/api/v1/contacts/{customers[1]}");
        Assert.Equal(3, await CountAsync(ws.Http, segment.Id()));
        Assert.Equal(customers.Skip(2).Order(), await MemberIdsAsync(ws.Http, segment.Id()));

        await (await ws.Http.GetAsync($"/api/v1/segments/{segment.Id()}/members?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task A_rep_sees_only_their_own_members_of_a_shared_segment()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var admin = await ws.MemberAsync("admin");
        var segment = await SaveAsync(admin.Http, "Customers", "contacts", Customers);
        var mine = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine", lifecycleStage = "customer" });
        var theirs = await admin.Http.CreateAsync("/api/v1/contacts", new { firstName = "Theirs", lifecycleStage = "customer" });

        Assert.Equal(2, await CountAsync(admin.Http, segment.Id()));
        Assert.Equal(new[] { mine.Id(), theirs.Id() }.Order(), await MemberIdsAsync(admin.Http, segment.Id()));
        Assert.Equal(1, await CountAsync(rep.Http, segment.Id()));
        Assert.Equal([mine.Id()], await MemberIdsAsync(rep.Http, segment.Id()));
    }

    [Fact]
    public async Task Another_workspace_cannot_see_or_change_a_segment()
    {
        var ws = await api.NewWorkspaceAsync();
        var other = await api.NewWorkspaceAsync();
        var segment = await SaveAsync(ws.Http, "Customers", "contacts", Customers);

        foreach (var path in new[] { "", "/members", "/count" })
            await (await other.Http.GetAsync($"/api/v1/segments/{segment.Id()}{path}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.PatchJsonAsync($"/api/v1/segments/{segment.Id()}", new { name = "Mine now" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.DeleteAsync($"/api/v1/segments/{segment.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await other.Http.GetJsonAsync("/api/v1/segments")).Data());
        Assert.Equal("Customers", (await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_needs_the_record_types_read_scope_and_saving_its_write_scope()
    {
        var ws = await api.NewWorkspaceAsync();
        var contactsSegment = await SaveAsync(ws.Http, "Customers", "contacts", Customers);
        await SaveAsync(ws.Http, "Open deals", "deals", new { field = "status", value = "open" });
        var readContacts = await ws.ClientWithScopesAsync(Scopes.ContactsRead);
        var dealsOnly = await ws.ClientWithScopesAsync(Scopes.DealsRead, Scopes.DealsWrite);

        Assert.Equal(0, await CountAsync(readContacts, contactsSegment.Id()));
        Assert.Equal(["Customers"], (await readContacts.GetJsonAsync("/api/v1/segments")).Data().Select(s => s!["name"]!.GetValue<string>()));
        await (await readContacts.PostJsonAsync("/api/v1/segments", new { name = "x", @object = "contacts", filter = Customers }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await readContacts.PatchJsonAsync($"/api/v1/segments/{contactsSegment.Id()}", new { name = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await readContacts.DeleteAsync($"/api/v1/segments/{contactsSegment.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        foreach (var path in new[] { "", "/members", "/count" })
            await (await dealsOnly.GetAsync($"/api/v1/segments/{contactsSegment.Id()}{path}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await dealsOnly.GetAsync("/api/v1/segments?object=contacts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Moving a deals segment to contacts needs the contacts write scope too.
        var deals = await SaveAsync(dealsOnly, "Won", "deals", new { field = "status", value = "won" });
        await (await dealsOnly.PatchJsonAsync($"/api/v1/segments/{deals.Id()}", new { @object = "contacts", filter = Customers }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("deals", (await dealsOnly.GetJsonAsync($"/api/v1/segments/{deals.Id()}"))["object"]!.GetValue<string>());
    }
}
