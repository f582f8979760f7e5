using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.Search;

/// <summary>GET /api/v1/search: what a person types finds contacts, companies and deals, ranked, paged and filtered by visibility.</summary>
public sealed class SearchTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static async Task<JsonArray> FindAsync(HttpClient http, string q, string extra = "") =>
        (await http.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}{extra}")).Data();

    private static string[] Ids(JsonArray hits) => hits.Select(h => h!.Id()).ToArray();

    /// <summary>Every hit of a search, page after page through nextCursor, and how many pages it took.</summary>
    private static async Task<(List<string> Ids, int Pages)> PageThroughAsync(HttpClient http, string q, int limit)
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await http.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&limit={limit}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            seen.AddRange(page.Data().Select(h => h!.Id()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);
        return (seen, pages);
    }

    [Fact]
    public async Task Finds_names_emails_phone_digits_company_names_domains_and_deal_titles()
    {
        var ws = await api.NewWorkspaceAsync();
        var jose = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "José", lastName = "Müller", emails = new[] { new { value = "jose.mueller@acme.example" } },
            phones = new[] { new { value = "+49 (30) 555-0199" } },
        });
        var acme = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Ácme Industries", domain = "acme-industries.example" });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Renewal Zürich", amount = 100, currency = "EUR" });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Unrelated", lastName = "Person" });

        Assert.Equal([jose.Id()], Ids(await FindAsync(ws.Http, "jose muller")));            // accents, case
        Assert.Equal([jose.Id()], Ids(await FindAsync(ws.Http, "Muler")));                  // a typo
        Assert.Equal([jose.Id()], Ids(await FindAsync(ws.Http, "jose.mueller@acme")));     // email
        Assert.Equal([jose.Id()], Ids(await FindAsync(ws.Http, "555 0199")));              // phone digits, spaced differently
        Assert.Equal([acme.Id()], Ids(await FindAsync(ws.Http, "acme indus")));             // word prefixes
        Assert.Equal([acme.Id()], Ids(await FindAsync(ws.Http, "acme-industries.example"))); // domain
        Assert.Equal([deal.Id()], Ids(await FindAsync(ws.Http, "zurich")));
        var hit = Assert.Single(await FindAsync(ws.Http, "josé"));
        Assert.Equal("contact", hit!["type"]!.GetValue<string>());
        Assert.Equal("José Müller", hit["title"]!.GetValue<string>());
        Assert.Equal("jose.mueller@acme.example", hit["subtitle"]!.GetValue<string>());
        Assert.Empty(await FindAsync(ws.Http, "qqqzzz"));
        Assert.Equal([acme.Id()], Ids(await FindAsync(ws.Http, "acme", "&types=companies")));
    }

    [Fact]
    public async Task Ranks_by_tier_first_word_then_second_word_then_word_prefix_then_contains_then_typo()
    {
        var ws = await api.NewWorkspaceAsync();
        // Created worst first, so within-tier order by id (newest first) cannot explain the result.
        var typo = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Norrd Shipping" });
        var contains = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Fjordnord AS" });
        var wordPrefix = await ws.Http.CreateAsync("/api/v1/companies", new { name = "The Great Nordland" });
        var secondWord = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Grand Nordic" });
        var starts = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Nord Logistics" });
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Southern Shipping" });
        var archived = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Nord Archive" });
        await (await ws.Http.DeleteAsync($"/api/v1/companies/{archived.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        string[] expected = [starts.Id(), secondWord.Id(), wordPrefix.Id(), contains.Id(), typo.Id()];

        var hits = await FindAsync(ws.Http, "nord");
        Assert.Equal(expected, Ids(hits));
        var ranks = hits.Select(h => h!["rank"]!.GetValue<double>()).ToArray();
        Assert.Equal([7.0, 4.0, 3.0, 2.0], ranks[..4]);  // first word, second word's start, a word's start, inside
        Assert.InRange(ranks[4], 0.6, 1.0);

        // Two at a time, the cursor crosses every tier, into the typo tier, and gives the same order.
        Assert.Equal(expected, (await PageThroughAsync(ws.Http, "nord", 2)).Ids);
    }

    [Fact]
    public async Task Typo_matches_rank_by_their_better_name_word_below_every_exact_match_and_page_one_by_one()
    {
        var ws = await api.NewWorkspaceAsync();
        Task<JsonObject> Contact(string first, string last) => ws.Http.CreateAsync("/api/v1/contacts", new { firstName = first, lastName = last });
        // Word similarity to "muler": "mule" and "mulet" 0.67, "muller" 0.625, "mulley" 0.5 (below the 0.6 threshold).
        var olderMuller = await Contact("Zoe", "Müller");
        var newerMuller = await Contact("Ivan", "Müller");
        var bothWords = await Contact("Müller", "Mulet");   // ranked by its better word, once
        var mule = await Contact("Berg", "Schmidt");         // found by the name it is given later
        var exact = await Contact("Ana", "Muler");
        await Contact("Mulley", "Smith");
        var archived = await Contact("Ada", "Müller");
        await (await ws.Http.DeleteAsync($"/api/v1/contacts/{archived.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var renamed = await Contact("Eva", "Müller");
        (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{renamed.Id()}", new { lastName = "Schmidt" })).EnsureSuccessStatusCode();
        (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{mule.Id()}", new { firstName = "Mule" })).EnsureSuccessStatusCode();

        var hits = await FindAsync(ws.Http, "muler");
        Assert.Equal([exact.Id(), mule.Id(), bothWords.Id(), newerMuller.Id(), olderMuller.Id()], Ids(hits));
        var ranks = hits.Select(h => h!["rank"]!.GetValue<double>()).ToArray();
        Assert.Equal(5.0, ranks[0]);
        Assert.Equal(ranks[1], ranks[2]);
        Assert.Equal(ranks[3], ranks[4]);
        Assert.True(ranks[2] > ranks[3] && ranks[4] >= 0.6, string.Join(", ", ranks));

        // One at a time, the cursor continues inside a typo word and from one word to the next: the same order.
        var (paged, pages) = await PageThroughAsync(ws.Http, "muler", 1);
        Assert.Equal(Ids(hits), paged);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task Short_names_with_one_typo_and_two_word_names_with_typos_are_found_in_either_order()
    {
        var ws = await api.NewWorkspaceAsync();
        Task<JsonObject> Contact(string first, string last) => ws.Http.CreateAsync("/api/v1/contacts", new { firstName = first, lastName = last });
        // Word similarity and edits from the query words: "morau" → Moreau 0.5, one edit; "elena" → Elna 0.375, one
        // edit; "muler" → Müller 0.625; "jsoe" → José 0.2, a swap. "morau" → Moreno is three edits: not a typo.
        var elena = await Contact("Elena", "Moreau");
        var jose = await Contact("José", "Müller");
        var exact = await Contact("Elna", "Morau");
        await Contact("Elena", "Smith");
        var ivan = await Contact("Ivan", "Moreau");
        await Contact("Elena", "Moreno");

        // Two words: the pair's mean similarity ranks them, Elena Moreau (1 + 0.5) / 2 above Elna Morau (0.375 + 1) / 2.
        var hits = await FindAsync(ws.Http, "elena morau");
        Assert.Equal([elena.Id(), exact.Id()], Ids(hits));
        Assert.Equal([0.75, 0.6875], hits.Select(h => h!["rank"]!.GetValue<double>()).ToArray());
        Assert.Equal(Ids(hits), (await PageThroughAsync(ws.Http, "elena morau", 1)).Ids);
        Assert.Equal([exact.Id(), elena.Id()], Ids(await FindAsync(ws.Http, "elna morau")));   // the exact name first
        Assert.Equal([exact.Id(), elena.Id()], Ids(await FindAsync(ws.Http, "morau elna")));   // either order
        Assert.Equal([jose.Id()], Ids(await FindAsync(ws.Http, "jose muler")));
        Assert.Equal([jose.Id()], Ids(await FindAsync(ws.Http, "muler jose")));
        Assert.Equal([jose.Id()], Ids(await FindAsync(ws.Http, "jsoe muller")));
        Assert.Empty(await FindAsync(ws.Http, "jose maria muler"));                            // three words: no typo tier
        Assert.Empty(await FindAsync(ws.Http, "elena moreau smith"));

        // One word: a short name one edit away is a typo too, below the exact name; equal ranks newest first.
        Assert.Equal([exact.Id(), ivan.Id(), elena.Id()], Ids(await FindAsync(ws.Http, "morau")));
        Assert.Equal([jose.Id()], Ids(await FindAsync(ws.Http, "jsoe")));
    }

    [Fact]
    public async Task A_query_without_letters_finds_contacts_whose_phone_numbers_contain_its_digits()
    {
        var ws = await api.NewWorkspaceAsync();
        var london = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Phone", lastName = "Owner", phones = new[] { new { value = "+44 20 7946 0958" }, new { value = "+1 (415) 555-0123" } },
        });
        var berlin = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Other", lastName = "Number", phones = new[] { new { value = "+49 30 1234567" } } });

        Assert.Equal([london.Id()], Ids(await FindAsync(ws.Http, "555-0123")));      // the end of a number
        Assert.Equal([london.Id()], Ids(await FindAsync(ws.Http, "(415) 555")));     // its middle, formatted differently
        Assert.Equal([london.Id()], Ids(await FindAsync(ws.Http, "7946")));          // its second number
        Assert.Equal([berlin.Id()], Ids(await FindAsync(ws.Http, "+49 30")));
        var hit = Assert.Single(await FindAsync(ws.Http, "4155550123"));
        Assert.Equal(2.0, hit!["rank"]!.GetValue<double>());
        Assert.Empty(await FindAsync(ws.Http, "555-0124"));
        Assert.Empty(await FindAsync(ws.Http, "0958 7946"));                         // digits in another order
    }

    [Fact]
    public async Task Query_characters_that_are_like_wildcards_match_only_themselves()
    {
        var ws = await api.NewWorkspaceAsync();
        var underscore = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Snake_case Labs" });
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Snakeycase Labs" });
        var percent = await ws.Http.CreateAsync("/api/v1/deals", new { title = "5% off renewal" });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "50 off renewal" });

        // The look-alikes (created later, so first among equals) may match as words or typos, never as the text's start.
        foreach (var (q, id) in new[] { ("snake_case", underscore.Id()), ("5% off", percent.Id()) })
        {
            var hits = await FindAsync(ws.Http, q);
            Assert.Equal(id, hits[0]!.Id());
            Assert.True(hits[0]!["rank"]!.GetValue<double>() >= 6.0);
            Assert.All(hits.Skip(1), h => Assert.True(h!["rank"]!.GetValue<double>() < 6.0));
        }
    }

    [Fact]
    public async Task Pages_through_every_match_by_rank_without_a_cap()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = new HashSet<string>();
        for (var i = 0; i < 23; i++)
            created.Add((await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Pagina", lastName = $"Person{i:D2}" })).Id());
        await ws.Http.CreateAsync("/api/v1/companies", new { name = "Pagina Corp" });

        var (seen, pages) = await PageThroughAsync(ws.Http, "pagina", 5);
        Assert.Equal(24, seen.Count);
        Assert.Equal(24, seen.Distinct().Count());
        Assert.Equal(5, pages);
        Assert.Subset(seen.ToHashSet(), created);
        await (await ws.Http.GetAsync("/api/v1/search?q=pagina&cursor=garbage")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task A_rep_finds_only_their_own_records_and_other_workspaces_find_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var other = await ws.MemberAsync("rep");
        var mine = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Visible", lastName = "Vera" });
        await other.Http.CreateAsync("/api/v1/contacts", new { firstName = "Visible", lastName = "Vince" });

        Assert.Equal([mine.Id()], Ids(await FindAsync(rep.Http, "visible")));
        Assert.Empty(await FindAsync(rep.Http, "vince"));
        Assert.Equal(2, (await FindAsync(ws.Http, "visible")).Count);
        // The same for a typo and for phone digits.
        var phones = new[] { new { value = "+1 415 555 0100" } };
        var myMuller = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Vera", lastName = "Müller", phones });
        await other.Http.CreateAsync("/api/v1/contacts", new { firstName = "Vince", lastName = "Müller", phones });
        Assert.Equal([myMuller.Id()], Ids(await FindAsync(rep.Http, "muler")));
        Assert.Equal([myMuller.Id()], Ids(await FindAsync(rep.Http, "5550100")));
        Assert.Equal([myMuller.Id()], Ids(await FindAsync(rep.Http, "vera muler")));
        Assert.Empty(await FindAsync(rep.Http, "vince muler"));
        Assert.Equal(2, (await FindAsync(ws.Http, "muler")).Count);
        Assert.Equal(2, (await FindAsync(ws.Http, "5550100")).Count);
        var team = await ws.TeamAsync("North");
        var manager = await ws.MemberAsync("manager", team);
        var teamRep = await ws.MemberAsync("rep", team);
        var teams = await teamRep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Visible", lastName = "Team" });
        Assert.Equal([teams.Id()], Ids(await FindAsync(manager.Http, "visible")));
        var stranger = await api.NewWorkspaceAsync();
        Assert.Empty(await FindAsync(stranger.Http, "visible"));
    }

    [Fact]
    public async Task Searches_only_the_types_the_token_may_read_and_checks_its_input()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Scoped" });
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Scoped Inc" });
        var companiesOnly = await ws.ClientWithScopesAsync(Scopes.CompaniesRead);

        Assert.Equal([company.Id()], Ids(await FindAsync(companiesOnly, "scoped")));
        await (await companiesOnly.GetAsync("/api/v1/search?q=scoped&types=contacts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var noReads = await ws.ClientWithScopesAsync(Scopes.WebhooksManage);
        await (await noReads.GetAsync("/api/v1/search?q=scoped")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await ws.Http.GetAsync("/api/v1/search?q=a")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "q");
        await (await ws.Http.GetAsync("/api/v1/search?q=ab&types=pipelines")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "types");
        await (await ws.Http.GetAsync("/api/v1/search?q=ab&limit=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "limit");
    }
}
