namespace HeadlessCrm.Api.Tests.Merge;

/// <summary>Likely duplicates, and merging them into a survivor that keeps every association and the history.</summary>
public sealed class MergeTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static object Emails(params string[] values) => values.Select(v => new { value = v }).ToArray();

    private static string[][] Pairs(JsonNode page) => page.Data()
        .Select(p => p!["recordIds"]!.AsArray().Select(id => id!.GetValue<string>()).Order().ToArray()).ToArray();

    [Fact]
    public async Task Finds_contacts_sharing_an_email_or_phone_or_a_similar_name_at_the_same_company()
    {
        var ws = await api.NewWorkspaceAsync();
        var acme = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme" });
        var a = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ann", emails = Emails("ann@example.com") });
        var b = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Annie", emails = Emails("ANN@example.com") });
        var c = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Carl", phones = new[] { new { value = "+1 555 010 0200" } } });
        var d = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Dora", phones = new[] { new { value = "1-555-010-0200" } } });
        var e = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Jonathan", lastName = "Smithers", companyId = acme.Id() });
        var f = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Jonathon", lastName = "Smithers", companyId = acme.Id() });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Jonathan", lastName = "Smithers" }); // no company: not paired by name
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Zed", emails = Emails("zed@example.com") });

        var page = await ws.Http.GetJsonAsync("/api/v1/contacts/duplicates");
        var expected = new[] { new[] { a.Id(), b.Id() }, new[] { c.Id(), d.Id() }, new[] { e.Id(), f.Id() } }
            .Select(p => p.Order().ToArray()).OrderBy(p => p[0]).ToArray();
        Assert.Equal(expected.Select(p => string.Join(",", p)).Order(), Pairs(page).Select(p => string.Join(",", p)).Order());
        var reasons = page.Data().ToDictionary(p => string.Join(",", p!["recordIds"]!.AsArray().Select(i => i!.GetValue<string>()).Order()),
            p => p!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Single());
        Assert.Equal("email", reasons[string.Join(",", new[] { a.Id(), b.Id() }.Order())]);
        Assert.Equal("phone", reasons[string.Join(",", new[] { c.Id(), d.Id() }.Order())]);
        Assert.Equal("nameAtCompany", reasons[string.Join(",", new[] { e.Id(), f.Id() }.Order())]);

        var first = await ws.Http.GetJsonAsync("/api/v1/contacts/duplicates?limit=2");
        var rest = await ws.Http.GetJsonAsync($"/api/v1/contacts/duplicates?limit=2&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");
        Assert.Equal(3, Pairs(first).Concat(Pairs(rest)).Select(p => string.Join(",", p)).Distinct().Count());
        Assert.Null(rest["nextCursor"]);
    }

    [Fact]
    public async Task A_rep_sees_only_duplicates_among_their_own_contacts()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Theirs", emails = Emails("same@example.com") });
        var mine = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine", emails = Emails("same@example.com") });
        Assert.Empty((await rep.Http.GetJsonAsync("/api/v1/contacts/duplicates")).Data());
        var mine2 = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine too", emails = Emails("same@example.com") });
        Assert.Equal([new[] { mine.Id(), mine2.Id() }.Order().ToArray()], Pairs(await rep.Http.GetJsonAsync("/api/v1/contacts/duplicates")));
        Assert.Equal(3, (await ws.Http.GetJsonAsync("/api/v1/contacts/duplicates")).Data().Count);
    }

    [Fact]
    public async Task Merging_contacts_moves_activities_deals_and_history_to_the_survivor_and_archives_the_others()
    {
        var ws = await api.NewWorkspaceAsync();
        var survivor = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ana", emails = Emails("ana@example.com"), tags = new[] { "vip" } });
        var loser = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Anna", lastName = "Lopez", title = "CTO", emails = Emails("ANA@example.com", "ana.lopez@example.com"),
            phones = new[] { new { value = "+34 600 000 001" } }, tags = new[] { "event" },
        });
        var other = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "A.", lastName = "L.", title = "Chief" });
        var call = await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Intro", contactId = loser.Id(), occurredAt = "2026-01-01T10:00:00Z" });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Both", amount = 1, currency = "EUR" });
        await (await ws.Http.PutAsync($"/api/v1/deals/{deal.Id()}/contacts/{survivor.Id()}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await ws.Http.PutAsync($"/api/v1/deals/{deal.Id()}/contacts/{other.Id()}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var lopezDeal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Lopez only", amount = 1, currency = "EUR" });
        await (await ws.Http.PutAsync($"/api/v1/deals/{lopezDeal.Id()}/contacts/{loser.Id()}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var response = await ws.Http.PostJsonAsync("/api/v1/contacts/merge", new
        {
            survivorId = survivor.Id(), mergedIds = new[] { loser.Id(), other.Id() }, fieldWinners = new Dictionary<string, string> { ["title"] = other.Id() },
        });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        var merged = result["survivor"]!;
        Assert.Equal("Ana", merged["firstName"]!.GetValue<string>());      // the survivor's value
        Assert.Equal("Lopez", merged["lastName"]!.GetValue<string>());     // filled from the first merged record
        Assert.Equal("Chief", merged["title"]!.GetValue<string>());        // the chosen winner
        Assert.Equal(["ana@example.com", "ana.lopez@example.com"], merged["emails"]!.AsArray().Select(x => x!["value"]!.GetValue<string>()));
        Assert.Equal([true, false], merged["emails"]!.AsArray().Select(x => x!["primary"]!.GetValue<bool>()));
        Assert.Single(merged["phones"]!.AsArray());
        Assert.Equal(["vip", "event"], merged["tags"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(1, result["moved"]!["activities"]!.GetValue<int>());

        Assert.Equal(survivor.Id(), (await ws.Http.GetJsonAsync($"/api/v1/activities/{call.Id()}"))["contactId"]!.GetValue<string>());
        Assert.Equal([survivor.Id()], (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/contacts")).Data().Select(c => c!.Id()));
        Assert.Equal([survivor.Id()], (await ws.Http.GetJsonAsync($"/api/v1/deals/{lopezDeal.Id()}/contacts")).Data().Select(c => c!.Id()));
        Assert.Equal(2, (await ws.Http.GetJsonAsync($"/api/v1/contacts/{survivor.Id()}/deals")).Data().Count);

        var gone = await ws.Http.GetJsonAsync($"/api/v1/contacts/{loser.Id()}");
        Assert.Equal(survivor.Id(), gone["mergedIntoId"]!.GetValue<string>());
        Assert.NotNull(gone["archivedAt"]);
        Assert.Equal([survivor.Id()], (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!.Id()));

        var history = (await ws.Http.GetJsonAsync($"/api/v1/contacts/{survivor.Id()}/audit?limit=100")).Data();
        Assert.Contains(history, e => e!["action"]!.GetValue<string>() == "merged" && e["recordId"]!.GetValue<string>() == survivor.Id());
        Assert.Contains(history, e => e!["action"]!.GetValue<string>() == "created" && e["recordId"]!.GetValue<string>() == loser.Id());

        await (await ws.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = survivor.Id(), mergedIds = new[] { loser.Id() } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "mergedIds[0]");
    }

    [Fact]
    public async Task A_dry_run_shows_the_result_and_changes_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var survivor = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Kim" });
        var loser = await ws.Http.CreateAsync("/api/v1/contacts", new { lastName = "Park", emails = Emails("kim@example.com") });

        var result = await (await ws.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = survivor.Id(), mergedIds = new[] { loser.Id() }, dryRun = true })).JsonAsync();
        Assert.True(result["dryRun"]!.GetValue<bool>());
        Assert.Equal("Park", result["survivor"]!["lastName"]!.GetValue<string>());
        Assert.Null((await ws.Http.GetJsonAsync($"/api/v1/contacts/{survivor.Id()}"))["lastName"]);
        Assert.Null((await ws.Http.GetJsonAsync($"/api/v1/contacts/{loser.Id()}"))["archivedAt"]);
        Assert.Equal(2, (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Count);
    }

    [Fact]
    public async Task A_merge_is_checked_and_bound_by_visibility()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var mine = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine" });
        var mine2 = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine2" });
        var theirs = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Theirs" });

        await (await rep.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = mine.Id(), mergedIds = new[] { theirs.Id() } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = mine.Id(), mergedIds = new[] { mine.Id() } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "mergedIds");
        await (await rep.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = mine.Id(), mergedIds = new[] { mine2.Id() }, fieldWinners = new Dictionary<string, string> { ["shoeSize"] = mine2.Id() } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "fieldWinners.shoeSize");
        await (await rep.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = mine.Id(), mergedIds = new[] { mine2.Id() }, fieldWinners = new Dictionary<string, string> { ["firstName"] = theirs.Id() } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fieldWinners.firstName");
        Assert.Equal(2, (await rep.Http.GetJsonAsync("/api/v1/contacts")).Data().Count);
    }

    [Fact]
    public async Task Companies_merge_with_their_contacts_deals_and_activities_and_are_found_by_domain_or_name()
    {
        var ws = await api.NewWorkspaceAsync();
        var acme = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme Corporation", domain = "acme.example" });
        var acme2 = await ws.Http.CreateAsync("/api/v1/companies", new { name = "ACME Corporation Ltd", industry = "Tools" });
        var acme3 = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Roadrunner Supplies", domain = "www.acme.example" });
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Globex" });

        var found = (await ws.Http.GetJsonAsync("/api/v1/companies/duplicates")).Data()
            .ToDictionary(p => string.Join(",", p!["recordIds"]!.AsArray().Select(i => i!.GetValue<string>()).Order()), p => p!["reasons"]![0]!.GetValue<string>());
        Assert.Equal(2, found.Count);
        Assert.Equal("name", found[string.Join(",", new[] { acme.Id(), acme2.Id() }.Order())]);
        Assert.Equal("domain", found[string.Join(",", new[] { acme.Id(), acme3.Id() }.Order())]);

        var person = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Wile", companyId = acme2.Id() });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Anvils", companyId = acme3.Id() });
        var note = await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "Met", companyId = acme2.Id() });

        var result = await (await ws.Http.PostJsonAsync("/api/v1/companies/merge", new { survivorId = acme.Id(), mergedIds = new[] { acme2.Id(), acme3.Id() } })).JsonAsync();
        Assert.Equal("Tools", result["survivor"]!["industry"]!.GetValue<string>());
        Assert.Equal("Acme Corporation", result["survivor"]!["name"]!.GetValue<string>());
        Assert.Equal(acme.Id(), (await ws.Http.GetJsonAsync($"/api/v1/contacts/{person.Id()}"))["companyId"]!.GetValue<string>());
        Assert.Equal(acme.Id(), (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}"))["companyId"]!.GetValue<string>());
        Assert.Equal(acme.Id(), (await ws.Http.GetJsonAsync($"/api/v1/activities/{note.Id()}"))["companyId"]!.GetValue<string>());
        Assert.Equal(acme.Id(), (await ws.Http.GetJsonAsync($"/api/v1/companies/{acme3.Id()}"))["mergedIntoId"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/companies/duplicates")).Data());
    }

    [Fact]
    public async Task Companies_sharing_a_domain_are_paired_each_with_each_paged_and_only_among_what_the_caller_sees()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var ids = new List<string>();
        foreach (var (name, domain) in new[] { ("Initrode", "initrode.example"), ("Initrode EU", "https://www.initrode.example/eu"), ("IR Holdings", "INITRODE.example") })
            ids.Add((await ws.Http.CreateAsync("/api/v1/companies", new { name, domain })).Id());
        var archived = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Old Initrode", domain = "initrode.example" });
        await (await ws.Http.DeleteAsync($"/api/v1/companies/{archived.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var repsOwn = await rep.Http.CreateAsync("/api/v1/companies", new { name = "Vandelay", domain = "vandelay.example" });
        var repsOther = await rep.Http.CreateAsync("/api/v1/companies", new { name = "Vandelay Imports", domain = "vandelay.example" });
        await rep.Http.CreateAsync("/api/v1/companies", new { name = "Kramerica", domain = "initrode.example" });
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Unique Co", domain = "unique.example" });
        await (await api.NewWorkspaceAsync()).Http.CreateAsync("/api/v1/companies", new { name = "Initrode", domain = "initrode.example" });

        // Four live companies share initrode.example (three of the workspace's, one of the rep's): six pairs; one
        // more for vandelay.example. One page at a time, every pair once, in order.
        var seen = new List<string[]>();
        string? cursor = null;
        do
        {
            var page = await ws.Http.GetJsonAsync("/api/v1/companies/duplicates?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(Pairs(page));
            Assert.All(page.Data(), p => Assert.Equal("domain", p!["reasons"]![0]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Select(p => string.Join(",", p)).Distinct().Count());
        Assert.DoesNotContain(seen, p => p.Contains(archived.Id()));
        Assert.Contains(seen, p => p.SequenceEqual(new[] { ids[0], ids[2] }.Order()));
        // The rep pairs only their own companies: their two Vandelays, and not their Kramerica with the others' domain.
        Assert.Equal([new[] { repsOwn.Id(), repsOther.Id() }.Order().ToArray()], Pairs(await rep.Http.GetJsonAsync("/api/v1/companies/duplicates")));
    }
}
