using HeadlessCrm.Api.Tests.Graph;

namespace HeadlessCrm.Api.Tests.Segments;

/// <summary>Distance from a point: the address "within" filter of contacts and companies, in searches, segments and GraphQL.</summary>
public sealed class GeoRadiusTests(CrmApi api) : IClassFixture<CrmApi>
{
    // Berlin, and points due north of it: along a meridian the surface distance is the radius times the angle.
    private const double CentreLat = 52.52, CentreLng = 13.405;
    private static double North(double km) => CentreLat + km / 6371.0088 * 180 / Math.PI;

    private static object Within(double radiusKm) =>
        new { field = "address", op = "within", value = new { lat = CentreLat, lng = CentreLng, radiusKm } };

    private static object At(double lat, double lng) => new { city = "Somewhere", latitude = lat, longitude = lng };

    private static async Task<string[]> SearchAsync(HttpClient http, string resource, object filter) =>
        (await (await http.PostJsonAsync($"/api/v1/{resource}/search", new { filter, limit = 100 })).JsonAsync()).Data().Select(r => r!.Id()).Order().ToArray();

    [Fact]
    public async Task Contacts_within_a_radius_are_those_whose_address_lies_inside_it()
    {
        var ws = await api.NewWorkspaceAsync();
        var near = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Five km", address = At(North(5), CentreLng) });
        var far = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Fifty km", address = At(North(50), CentreLng) });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Hamburg", address = At(53.5511, 9.9937) });   // ~255 km
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "No coordinates", address = new { city = "Berlin" } });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "No address" });

        Assert.Equal([near.Id()], await SearchAsync(ws.Http, "contacts", Within(10)));
        Assert.Equal([near.Id()], await SearchAsync(ws.Http, "contacts", Within(49.9)));
        Assert.Equal(new[] { near.Id(), far.Id() }.Order(), await SearchAsync(ws.Http, "contacts", Within(50.1)));
        Assert.Empty(await SearchAsync(ws.Http, "contacts", Within(4.9)));
        // Combined with other conditions and negated like any condition (records without coordinates are not within).
        Assert.Equal([far.Id()], await SearchAsync(ws.Http, "contacts",
            new { and = new object[] { Within(100), new { not = Within(10) } } }));

        var segment = await ws.Http.CreateAsync("/api/v1/segments", new { name = "Near Berlin", @object = "contacts", filter = Within(60) });
        Assert.Equal(2, (await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/count"))["count"]!.GetValue<int>());
        Assert.Equal(new[] { near.Id(), far.Id() }.Order(),
            (await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/members")).Data().Select(r => r!.Id()).Order());

        var graph = await ws.Http.DataAsync("query($f: JSON) { contacts(filter: $f) { nodes { recordId } } }", new { f = Within(10) });
        Assert.Equal([near.Id()], graph["contacts"]!["nodes"]!.AsArray().Select(n => n!["recordId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Companies_filter_by_radius_and_a_rep_finds_only_their_own()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var theirs = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Admin's", address = At(North(5), CentreLng), tags = new[] { "key" } });
        var mine = await rep.Http.CreateAsync("/api/v1/companies", new { name = "Rep's", address = At(North(20), CentreLng) });
        await rep.Http.CreateAsync("/api/v1/companies", new { name = "Rep's far one", address = At(North(300), CentreLng), tags = new[] { "key" } });

        Assert.Equal(new[] { theirs.Id(), mine.Id() }.Order(), await SearchAsync(ws.Http, "companies", Within(25)));
        Assert.Equal([mine.Id()], await SearchAsync(rep.Http, "companies", Within(25)));
        // Counted as listed: the whole circle for the admin, the rep's own records for the rep, and negated.
        var key = new { field = "tags", op = "contains", value = "key" };
        foreach (var filter in new[] { Within(25), new { not = Within(25) }, new { and = new[] { Within(25), key } }, new { and = new[] { key, Within(400) } } })
        {
            var segment = (await ws.Http.CreateAsync("/api/v1/segments", new { name = "Counted", @object = "companies", filter })).Id();
            foreach (var caller in new[] { ws.Http, rep.Http })
                Assert.Equal((await SearchAsync(caller, "companies", filter)).Length,
                    (await caller.GetJsonAsync($"/api/v1/segments/{segment}/count"))["count"]!.GetValue<int>());
        }
        // Contacts through their company's address.
        var atMine = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Works near", companyId = mine.Id() });
        Assert.Equal([atMine.Id()], await SearchAsync(rep.Http, "contacts",
            new { field = "company.address", op = "within", value = new { lat = CentreLat, lng = CentreLng, radiusKm = 25 } }));
    }

    [Fact]
    public async Task A_bad_circle_is_a_400_naming_the_member_and_nothing_is_saved()
    {
        var ws = await api.NewWorkspaceAsync();
        async Task BadAsync(object filter, string field) =>
            await (await ws.Http.PostJsonAsync("/api/v1/contacts/search", new { filter })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        object Circle(object value) => new { field = "address", op = "within", value };

        await BadAsync(Circle(new { lat = 90.5, lng = 0, radiusKm = 1 }), "filter.value.lat");
        await BadAsync(Circle(new { lat = -91, lng = 0, radiusKm = 1 }), "filter.value.lat");
        await BadAsync(Circle(new { lat = 0, lng = 180.01, radiusKm = 1 }), "filter.value.lng");
        await BadAsync(Circle(new { lat = 0, lng = 0, radiusKm = 0 }), "filter.value.radiusKm");
        await BadAsync(Circle(new { lat = 0, lng = 0, radiusKm = -3 }), "filter.value.radiusKm");
        await BadAsync(Circle(new { lat = 0, lng = 0, radiusKm = 1000.5 }), "filter.value.radiusKm");
        await BadAsync(Circle(new { lat = 0, lng = 0 }), "filter.value.radiusKm");
        await BadAsync(Circle(new { lat = "52", lng = 0, radiusKm = 1 }), "filter.value.lat");
        await BadAsync(Circle(new { lat = 0, lng = 0, radiusKm = 1, unit = "mi" }), "filter.value.unit");
        await BadAsync(Circle("Berlin"), "filter.value");
        await BadAsync(new { field = "address", op = "eq", value = new { lat = 0, lng = 0, radiusKm = 1 } }, "filter");
        await BadAsync(new { field = "city", op = "within", value = new { lat = 0, lng = 0, radiusKm = 1 } }, "filter");
        await BadAsync(new { and = new object[] { new { field = "city", value = "Berlin" }, Circle(new { lat = 0, lng = 200, radiusKm = 1 }) } },
            "filter.and[1].value.lng");

        await (await ws.Http.PostJsonAsync("/api/v1/segments", new { name = "Too wide", @object = "companies", filter = Circle(new { lat = 0, lng = 0, radiusKm = 5000 }) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter.value.radiusKm");
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/segments")).Data());
    }
}
