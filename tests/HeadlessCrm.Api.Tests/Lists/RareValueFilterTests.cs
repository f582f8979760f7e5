using HeadlessCrm.Api.Tests.Graph;

namespace HeadlessCrm.Api.Tests.Lists;

/// <summary>
/// Tags and multi-select values, rare (found by their ids first) and common (filtered directly): the same records in
/// every transport and position of a filter tree, within the caller's workspace and what the caller may see.
/// </summary>
public sealed class RareValueFilterTests(FewIdsCapApi api) : IClassFixture<FewIdsCapApi>
{
    private static IEnumerable<string> Ids(JsonNode page) => page.Data().Select(r => r!.Id()).Order();

    private static IEnumerable<string> Order(params string[] ids) => ids.Order();

    [Fact]
    public async Task Rare_and_common_tags_filter_the_records_the_caller_sees_in_lists_searches_graphql_and_segments()
    {
        var ws = await api.NewWorkspaceAsync();
        var other = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        // "rare" is on 3 contacts of the workspace (archived one included: at the cap), "common" on 4 (above it).
        var a = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "A", tags = new[] { "rare", "common" } })).Id();
        var b = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "B", tags = new[] { "common" } })).Id();
        var e = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "E", tags = new[] { "Common" } })).Id();
        var c = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "C", lifecycleStage = "customer" })).Id();
        var d = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "D", tags = new[] { "rare" } })).Id();
        await (await rep.Http.DeleteAsync($"/api/v1/contacts/{d}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var hidden = (await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "H", tags = new[] { "rare", "common" } })).Id();
        await other.Http.CreateAsync("/api/v1/contacts", new { firstName = "Elsewhere", tags = new[] { "rare" } });

        Assert.Equal(Order(a, hidden), Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?tag=RARE")));
        Assert.Equal([d], Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?tag=rare&archived=true")));
        Assert.Equal(Order(a, b, e, hidden), Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?tag=common")));
        Assert.Equal([a], Ids(await rep.Http.GetJsonAsync("/api/v1/contacts?tag=rare")));
        Assert.Equal(Order(a, b, e), Ids(await rep.Http.GetJsonAsync("/api/v1/contacts?tag=common")));
        Assert.Single((await other.Http.GetJsonAsync("/api/v1/contacts?tag=rare")).Data());

        Assert.Equal(Order(b, c, e), Ids(await Search(rep.Http, new { not = new { field = "tags", op = "contains", value = "rare" } })));
        Assert.Equal([c], Ids(await Search(rep.Http, new { not = new { field = "tags", op = "contains", value = "common" } })));
        Assert.Equal(Order(a, c), Ids(await Search(rep.Http, new
        {
            or = new object[] { new { field = "tags", op = "contains", value = "rare" }, new { field = "lifecycleStage", value = "customer" } },
        })));
        Assert.Equal(Order(a, b, c, e), Ids(await Search(rep.Http, new
        {
            or = new object[] { new { field = "lifecycleStage", value = "customer" }, new { field = "tags", op = "contains", value = "common" } },
        })));
        Assert.Equal([a], Ids(await Search(rep.Http, new { field = "tags", op = "containsAll", value = new[] { "rare", "common" } })));
        Assert.Equal([a], Ids(await Search(rep.Http, new { field = "tags", op = "containsAny", value = new[] { "rare", "nowhere" } })));
        Assert.Empty((await Search(rep.Http, new { field = "tags", op = "contains", value = "nowhere" })).Data());

        var graph = await rep.Http.DataAsync("query($f: JSON) { contacts(filter: $f) { nodes { recordId } } }",
            new { f = new { and = new object[] { new { field = "tags", op = "contains", value = "rare" }, new { field = "firstName", value = "A" } } } });
        Assert.Equal([a], graph["contacts"]!["nodes"]!.AsArray().Select(n => n!["recordId"]!.GetValue<string>()));

        var rare = (await ws.Http.CreateAsync("/api/v1/segments", new { name = "Rare", @object = "contacts", filter = new { field = "tags", op = "contains", value = "rare" } })).Id();
        var notCommon = (await ws.Http.CreateAsync("/api/v1/segments", new
        {
            name = "Not common", @object = "contacts", filter = new { not = new { field = "tags", op = "contains", value = "common" } },
        })).Id();
        Assert.Equal(2, await CountAsync(ws.Http, rare));
        Assert.Equal(1, await CountAsync(rep.Http, rare));
        Assert.Equal([a], Ids(await rep.Http.GetJsonAsync($"/api/v1/segments/{rare}/members")));
        Assert.Equal(1, await CountAsync(rep.Http, notCommon));
    }

    [Fact]
    public async Task Rare_and_common_multi_select_options_filter_like_their_direct_test()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "regions", label = "Regions", type = "multi_select", options = new[] { "eu", "us", "apac" } });
        var rep = await ws.MemberAsync("rep");
        // "eu" is on 2 contacts (rare), "us" on 4 (common).
        var p = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "P", customFields = new { regions = new[] { "eu" } } })).Id();
        var q = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Q", customFields = new { regions = new[] { "eu", "us" } } })).Id();
        var r = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "R", customFields = new { regions = new[] { "us" } } })).Id();
        var s = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "S", customFields = new { regions = new[] { "us" } } })).Id();
        var none = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "N" })).Id();
        var hidden = (await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "T", customFields = new { regions = new[] { "us", "eu" } } })).Id();

        Assert.Equal(Order(p, q, hidden), Ids(await Search(ws.Http, new { field = "customFields.regions", op = "contains", value = "eu" })));
        Assert.Equal(Order(p, q), Ids(await Search(rep.Http, new { field = "customFields.regions", op = "contains", value = "eu" })));
        Assert.Equal(Order(q, r, s), Ids(await Search(rep.Http, new { field = "customFields.regions", op = "contains", value = "us" })));
        Assert.Equal([q], Ids(await Search(rep.Http, new { field = "customFields.regions", op = "containsAll", value = new[] { "eu", "us" } })));
        Assert.Equal(Order(p, q), Ids(await Search(rep.Http, new { field = "customFields.regions", op = "containsAny", value = new[] { "eu", "apac" } })));
        Assert.Equal(Order(p, q, r, s), Ids(await Search(rep.Http, new { field = "customFields.regions", op = "containsAny", value = new[] { "eu", "us" } })));
        Assert.Equal(Order(none, r, s), Ids(await Search(rep.Http, new { not = new { field = "customFields.regions", op = "contains", value = "eu" } })));
        await (await rep.Http.PostJsonAsync("/api/v1/contacts/search", new { filter = new { field = "customFields.regions", op = "containsAny", value = Array.Empty<string>() } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        Assert.Equal(Order(p, q, none), Ids(await Search(rep.Http, new
        {
            or = new object[] { new { field = "firstName", value = "N" }, new { field = "customFields.regions", op = "contains", value = "eu" } },
        })));
    }

    [Fact]
    public async Task A_tag_or_multi_select_filter_costs_one_sql_command_more_than_another_filter()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "regions", label = "Regions", type = "multi_select", options = new[] { "eu", "us" } });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "A", lifecycleStage = "customer", tags = new[] { "rare" }, customFields = new { regions = new[] { "eu" } } });
        await ws.Http.GetAsync("/api/v1/contacts");

        var plain = await ws.Http.GetAsync("/api/v1/contacts?lifecycleStage=customer");
        var tagged = await ws.Http.GetAsync("/api/v1/contacts?tag=rare");
        var regions = await ws.Http.PostJsonAsync("/api/v1/contacts/search", new { filter = new { field = "customFields.regions", op = "contains", value = "eu" } });
        var both = await ws.Http.PostJsonAsync("/api/v1/contacts/search", new
        {
            filter = new { and = new object[] { new { field = "tags", op = "contains", value = "rare" }, new { field = "lifecycleStage", value = "customer" } } },
        });

        Assert.Single((await tagged.JsonAsync()).Data());
        Assert.Single((await regions.JsonAsync()).Data());
        var commands = int.Parse(plain.Headers.GetValues("X-Sql-Commands").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((commands + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), tagged.Headers.GetValues("X-Sql-Commands").Single());
        Assert.Equal((commands + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), both.Headers.GetValues("X-Sql-Commands").Single());
    }

    [Fact]
    public async Task Counts_of_common_and_rare_values_are_the_records_each_caller_lists()
    {
        var ws = await api.NewWorkspaceAsync();
        var other = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "regions", label = "Regions", type = "multi_select", options = new[] { "eu", "us" } });
        var team = await ws.TeamAsync("East");
        var manager = await ws.MemberAsync("manager", team);
        var rep = await ws.MemberAsync("rep", team);
        var otherRep = await ws.MemberAsync("rep");
        // "common" is on 6 contacts of the workspace (above the cap of 3), one of them archived; "rare" on 2.
        var us = new { regions = new[] { "us" } };
        var a = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "A", tags = new[] { "common", "rare" }, customFields = us })).Id();
        await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "B", tags = new[] { "common" }, customFields = us, lifecycleStage = "customer" });
        await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "C", lifecycleStage = "customer" });
        var archived = (await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "D", tags = new[] { "common" }, customFields = us })).Id();
        await (await rep.Http.DeleteAsync($"/api/v1/contacts/{archived}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await otherRep.Http.CreateAsync("/api/v1/contacts", new { firstName = "E", tags = new[] { "common" }, customFields = us });
        await otherRep.Http.CreateAsync("/api/v1/contacts", new { firstName = "F", tags = new[] { "common", "rare" }, customFields = us });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "G", tags = new[] { "common" }, customFields = us });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "H" });
        await other.Http.CreateAsync("/api/v1/contacts", new { firstName = "Elsewhere", tags = new[] { "common" } });

        object Tag(string tag) => new { field = "tags", op = "contains", value = tag };
        object[] filters =
        [
            Tag("common"),
            new { field = "tags", op = "containsAny", value = new[] { "common", "nowhere" } },
            new { field = "customFields.regions", op = "contains", value = "us" },
            new { and = new object[] { Tag("common"), new { field = "lifecycleStage", value = "customer" } } },
            new { and = new object[] { Tag("common"), Tag("rare") } },
            new { and = new object[] { Tag("rare"), Tag("common") } },
            new { and = new object[] { Tag("common"), new { field = "customFields.regions", op = "contains", value = "us" } } },
            new { not = Tag("common") },
            new { or = new object[] { Tag("common"), new { field = "lifecycleStage", value = "customer" } } },
            Tag("rare"),
            Tag("nowhere"),
        ];
        var callers = new[] { ws.Http, manager.Http, rep.Http, otherRep.Http };
        foreach (var filter in filters)
        {
            var segment = (await ws.Http.CreateAsync("/api/v1/segments", new { name = "Counted", @object = "contacts", filter })).Id();
            foreach (var caller in callers)
                Assert.Equal((await Search(caller, filter, limit: 100)).Data().Count, await CountAsync(caller, segment));
        }

        // The numbers a user relies on: the admin counts the 5 live "common" contacts, a rep their own 2, the manager
        // the team's (the rep's 2; the other rep is in no team), and archived contacts count only among archived ones.
        var common = (await ws.Http.CreateAsync("/api/v1/segments", new { name = "Common", @object = "contacts", filter = Tag("common") })).Id();
        Assert.Equal(5, await CountAsync(ws.Http, common));
        Assert.Equal(2, await CountAsync(rep.Http, common));
        Assert.Equal(2, await CountAsync(otherRep.Http, common));
        Assert.Equal(2, await CountAsync(manager.Http, common));
        var elsewhere = (await other.Http.CreateAsync("/api/v1/segments", new { name = "Common", @object = "contacts", filter = Tag("common") })).Id();
        Assert.Equal(1, await CountAsync(other.Http, elsewhere));
        var totals = await ws.Http.DataAsync("query($f: JSON) { contacts(filter: $f, first: 1) { totalCount } }", new { f = Tag("common") });
        Assert.Equal(5, totals["contacts"]!["totalCount"]!.GetValue<int>());
        var archivedTotals = await rep.Http.DataAsync("query($f: JSON) { contacts(filter: $f, first: 1, archived: true) { totalCount } }", new { f = Tag("common") });
        Assert.Equal(1, archivedTotals["contacts"]!["totalCount"]!.GetValue<int>());
        Assert.Equal([a], Ids(await rep.Http.GetJsonAsync("/api/v1/contacts?tag=rare")));

        // A count for a caller who sees others' records reads the value's ids inside its one statement (no lookup
        // first); a rep's count looks the value up first, as a list does, then filters directly.
        var customers = (await ws.Http.CreateAsync("/api/v1/segments", new { name = "Customers", @object = "contacts", filter = new { field = "lifecycleStage", value = "customer" } })).Id();
        async Task<int> CommandsAsync(HttpClient caller, string segment)
        {
            await caller.GetAsync($"/api/v1/segments/{segment}/count");
            var response = await caller.GetAsync($"/api/v1/segments/{segment}/count");
            return int.Parse(response.Headers.GetValues("X-Sql-Commands").Single(), System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Equal(await CommandsAsync(ws.Http, customers), await CommandsAsync(ws.Http, common));
        Assert.Equal(await CommandsAsync(rep.Http, customers) + 1, await CommandsAsync(rep.Http, common));
    }

    private static async Task<int> CountAsync(HttpClient http, string segmentId) =>
        (await http.GetJsonAsync($"/api/v1/segments/{segmentId}/count"))["count"]!.GetValue<int>();

    private static async Task<JsonNode> Search(HttpClient http, object filter, int limit = 25)
    {
        var response = await http.PostJsonAsync("/api/v1/contacts/search", new { filter, limit });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.JsonAsync();
    }
}
