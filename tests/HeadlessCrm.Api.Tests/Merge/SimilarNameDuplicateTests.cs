namespace HeadlessCrm.Api.Tests.Merge;

/// <summary>Duplicates by similar name: companies by name, contacts by name at the same company, each pair with its score.</summary>
public sealed class SimilarNameDuplicateTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static string Key(params string[] ids) => string.Join(",", ids.Order());

    private static Dictionary<string, (string[] Reasons, double Score)> Pairs(JsonNode page) => page.Data().ToDictionary(
        p => Key(p!["recordIds"]!.AsArray().Select(i => i!.GetValue<string>()).ToArray()),
        p => (p!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray(), p["score"]!.GetValue<double>()));

    [Fact]
    public async Task Companies_with_similar_names_are_paired_with_their_trigram_similarity()
    {
        var ws = await api.NewWorkspaceAsync();
        var traders = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Northwind Traders" });
        var trader = await ws.Http.CreateAsync("/api/v1/companies", new { name = "northwind trader", domain = "northwind.example" });
        var sameDomain = await ws.Http.CreateAsync("/api/v1/companies", new { name = "NW Holding", domain = "northwind.example" });
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Southwind Shipping" });
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Contoso" });

        var pairs = Pairs(await ws.Http.GetJsonAsync("/api/v1/companies/duplicates"));
        Assert.Equal(2, pairs.Count);
        // pg_trgm: 16 shared trigrams of 19 ("traders" and "trader" differ in "ers", "rs ", "er ").
        var byName = pairs[Key(traders.Id(), trader.Id())];
        Assert.Equal(["name"], byName.Reasons);
        Assert.Equal(0.8421, byName.Score);
        var byDomain = pairs[Key(trader.Id(), sameDomain.Id())];
        Assert.Equal(["domain"], byDomain.Reasons);
        Assert.Equal(1.0, byDomain.Score);
    }

    [Fact]
    public async Task A_rep_is_shown_similar_names_only_among_the_companies_they_can_see()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var theirs = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Initech Software" });
        var mine = await rep.Http.CreateAsync("/api/v1/companies", new { name = "Initech Softwares" });
        Assert.Empty((await rep.Http.GetJsonAsync("/api/v1/companies/duplicates")).Data());
        var mine2 = await rep.Http.CreateAsync("/api/v1/companies", new { name = "Initech Software Inc" });

        var repPairs = Pairs(await rep.Http.GetJsonAsync("/api/v1/companies/duplicates"));
        Assert.Equal([Key(mine.Id(), mine2.Id())], repPairs.Keys);
        Assert.Equal(3, Pairs(await ws.Http.GetJsonAsync("/api/v1/companies/duplicates")).Count);
        Assert.Contains(Key(theirs.Id(), mine.Id()), Pairs(await ws.Http.GetJsonAsync("/api/v1/companies/duplicates")).Keys);
    }

    [Fact]
    public async Task Similar_company_names_page_on_through_every_pair_leaving_archived_and_other_workspaces_out()
    {
        var ws = await api.NewWorkspaceAsync();
        var other = await api.NewWorkspaceAsync();
        var ids = new List<string>();
        foreach (var name in new[] { "Globex Corporation", "Globex Corporation.", "globex corporation", "Globex Corporations" })
            ids.Add((await ws.Http.CreateAsync("/api/v1/companies", new { name })).Id());
        var archived = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Globex Corporation" });
        await (await ws.Http.DeleteAsync($"/api/v1/companies/{archived.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await other.Http.CreateAsync("/api/v1/companies", new { name = "Globex Corporation" });

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ws.Http.GetJsonAsync("/api/v1/companies/duplicates?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.Data().Count <= 2);
            seen.AddRange(Pairs(page).Keys);
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        var expected = ids.SelectMany((a, i) => ids.Skip(i + 1).Select(b => Key(a, b))).Order();
        Assert.Equal(expected, seen.Order());
    }

    [Fact]
    public async Task Contacts_are_paired_by_similar_name_only_within_one_company_and_pages_carry_on()
    {
        var ws = await api.NewWorkspaceAsync();
        var acme = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Acme" });
        var globex = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Globex" });
        var ids = new List<string>();
        foreach (var name in new[] { "Katherine", "Katharine", "Katherina" })
            ids.Add((await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = name, lastName = "Johansson", companyId = acme.Id() })).Id());
        var elsewhere = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Katherine", lastName = "Johansson", companyId = globex.Id() });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Bob", lastName = "Johansson", companyId = acme.Id() });

        var first = await ws.Http.GetJsonAsync("/api/v1/contacts/duplicates?limit=2");
        var rest = await ws.Http.GetJsonAsync($"/api/v1/contacts/duplicates?limit=2&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");
        Assert.Null(rest["nextCursor"]);
        var pairs = Pairs(first).Concat(Pairs(rest)).ToDictionary();
        Assert.Equal(new[] { Key(ids[0], ids[1]), Key(ids[0], ids[2]), Key(ids[1], ids[2]) }.Order(), pairs.Keys.Order());
        Assert.All(pairs.Values, p =>
        {
            Assert.Equal(["nameAtCompany"], p.Reasons);
            Assert.InRange(p.Score, 0.6, 0.9999);
        });
        Assert.DoesNotContain(pairs.Keys, k => k.Contains(elsewhere.Id()));
    }
}
