using HeadlessCrm.Api.Tests.Graph;

namespace HeadlessCrm.Api.Tests.Segments;

/// <summary>Segments through /graphql: the list, node(id:), members and count, held against what REST answers.</summary>
public sealed class SegmentGraphTests(CrmApi api) : IClassFixture<CrmApi>
{
    private const string SegmentById = """
        query($id: ID!, $after: String) {
          node(id: $id) { ... on Segment {
            recordId name object filter count
            members(first: 2, after: $after) {
              edges { cursor node { __typename ... on Contact { recordId firstName } } }
              pageInfo { hasNextPage endCursor }
            }
          } }
        }
        """;

    [Fact]
    public async Task A_segment_pages_its_members_as_REST_evaluates_them()
    {
        var ws = await api.NewWorkspaceAsync();
        foreach (var name in new[] { "A", "B", "C" })
            await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = name, lifecycleStage = "customer" });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Lead" });
        var filter = new { field = "lifecycleStage", value = "customer" };
        var segment = await ws.Http.CreateAsync("/api/v1/segments", new { name = "Customers", @object = "contacts", filter });
        await ws.Http.CreateAsync("/api/v1/segments", new { name = "Big", @object = "companies", filter = new { field = "employeeCount", op = "gt", value = 100 } });

        var list = (await ws.Http.DataAsync("{ segments { totalCount nodes { id recordId name object } } }"))["segments"]!;
        Assert.Equal(2, list["totalCount"]!.GetValue<int>());
        Assert.Equal(["companies", "contacts"], list["nodes"]!.AsArray().Select(s => s!["object"]!.GetValue<string>()));
        var contactsOnly = (await ws.Http.DataAsync("""{ segments(object: "contacts") { nodes { name } } }"""))["segments"]!["nodes"]!.AsArray();
        Assert.Equal(["Customers"], contactsOnly.Select(s => s!["name"]!.GetValue<string>()));
        var id = list["nodes"]!.AsArray().Single(s => s!["recordId"]!.GetValue<string>() == segment.Id())!["id"]!.GetValue<string>();

        var first = (await ws.Http.DataAsync(SegmentById, new { id }))["node"]!;
        Assert.Equal("Customers", first["name"]!.GetValue<string>());
        Assert.Equal("customer", first["filter"]!["value"]!.GetValue<string>());
        Assert.Equal(3, first["count"]!.GetValue<int>());
        Assert.All(first["members"]!.Nodes(), n => Assert.Equal("Contact", n["__typename"]!.GetValue<string>()));
        Assert.True(first["members"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var after = first["members"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = (await ws.Http.DataAsync(SegmentById, new { id, after }))["node"]!;
        Assert.False(second["members"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        var members = first["members"]!.Nodes().Concat(second["members"]!.Nodes()).Select(n => n["recordId"]!.GetValue<string>());
        var rest = await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/members?limit=100");
        Assert.Equal(rest.Data().Select(r => r!.Id()), members);
        var restPage = await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/members?limit=2");
        Assert.Equal(restPage["nextCursor"]!.GetValue<string>(), after);
    }

    [Fact]
    public async Task A_rep_counts_and_lists_only_the_members_they_see_and_a_segment_they_cannot_read_is_null()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var mine = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine", lifecycleStage = "customer" });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Theirs", lifecycleStage = "customer" });
        var segment = await ws.Http.CreateAsync("/api/v1/segments", new { name = "Customers", @object = "contacts", filter = new { field = "lifecycleStage", value = "customer" } });
        var id = (await ws.Http.DataAsync("{ segments { nodes { id } } }"))["segments"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var asRep = (await rep.Http.DataAsync(SegmentById, new { id }))["node"]!;
        Assert.Equal(1, asRep["count"]!.GetValue<int>());
        Assert.Equal([mine.Id()], asRep["members"]!.Nodes().Select(n => n["recordId"]!.GetValue<string>()));
        Assert.Equal(1, (await rep.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/count"))["count"]!.GetValue<int>());

        var dealsOnly = await ws.ClientWithScopesAsync("crm.deals.read");
        Assert.Null((await dealsOnly.DataAsync(SegmentById, new { id }))["node"]);
        Assert.Empty((await dealsOnly.DataAsync("{ segments { nodes { id } } }"))["segments"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Custom_fields_are_read_and_filtered_through_graphql()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "seats", label = "Seats", type = "number" });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Small", customFields = new { seats = 5 } });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Large", customFields = new { seats = 500 } });

        var data = await ws.Http.DataAsync("""
            { contacts(filter: {field: "customFields.seats", op: "gte", value: 100}) { nodes { firstName customFields } } }
            """);

        var large = Assert.Single(data["contacts"]!["nodes"]!.AsArray())!;
        Assert.Equal("Large", large["firstName"]!.GetValue<string>());
        Assert.Equal(500, large["customFields"]!["seats"]!.GetValue<decimal>());
        var unknown = await ws.Http.GraphAsync("""{ contacts(filter: {field: "customFields.nope", value: 1}) { nodes { firstName } } }""");
        Assert.True(unknown.Errors().Length == 1, unknown.ToJsonString());
        Assert.Equal("BAD_USER_INPUT", unknown.Errors()[0].Code());
    }
}
