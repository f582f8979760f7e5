namespace HeadlessCrm.Api.Tests.Members;

/// <summary>
/// Who sees what: a rep their own records, a manager their team's, an admin and an integration everything — for
/// lists, reads, updates, searches and timelines alike. What one may not see is not found (404), never forbidden.
/// </summary>
public sealed class VisibilityMatrixTests(CrmApi api) : IClassFixture<CrmApi>, IAsyncLifetime
{
    private TestWorkspace _ws = null!;
    private readonly Dictionary<string, TestMember> _people = [];
    private readonly Dictionary<string, string> _contactOf = [];
    private readonly Dictionary<string, string> _dealOf = [];

    // Team North: manager Mia, reps Ray and Rue. Team South: rep Sam. Admin Ada. The integration client owns nothing.
    private static readonly string[] Owners = ["mia", "ray", "rue", "sam", "ada", "nobody"];

    public static readonly Dictionary<string, string[]> Sees = new()
    {
        ["ray"] = ["ray"],
        ["rue"] = ["rue"],
        ["sam"] = ["sam"],
        ["mia"] = ["mia", "ray", "rue"],
        ["ada"] = Owners,
        ["client"] = Owners,
    };

    public async ValueTask InitializeAsync()
    {
        _ws = await api.NewWorkspaceAsync();
        var north = await _ws.TeamAsync("North");
        var south = await _ws.TeamAsync("South");
        _people["mia"] = await _ws.MemberAsync("manager", north);
        _people["ray"] = await _ws.MemberAsync("rep", north);
        _people["rue"] = await _ws.MemberAsync("rep", north);
        _people["sam"] = await _ws.MemberAsync("rep", south);
        _people["ada"] = await _ws.MemberAsync("admin");
        foreach (var owner in Owners)
        {
            var ownerId = owner == "nobody" ? null : _people[owner].Id;
            var contact = await _ws.Http.CreateAsync("/api/v1/contacts", new { firstName = owner, ownerId, lifecycleStage = "customer" });
            var deal = await _ws.Http.CreateAsync("/api/v1/deals", new { title = owner, ownerId, contactIds = new[] { contact.Id() } });
            await _ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = owner, ownerId, contactId = contact.Id(), dealId = deal.Id() });
            _contactOf[owner] = contact.Id();
            _dealOf[owner] = deal.Id();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string> Viewers => ["ray", "mia", "sam", "ada", "client"];

    private HttpClient As(string viewer) => viewer == "client" ? _ws.Http : _people[viewer].Http;

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Lists_hold_exactly_the_records_the_viewer_may_see(string viewer)
    {
        var expected = Sees[viewer].Order();
        var contacts = (await As(viewer).GetJsonAsync("/api/v1/contacts?limit=100")).Data().Select(c => c!["firstName"]!.GetValue<string>()).Order();
        var deals = (await As(viewer).GetJsonAsync("/api/v1/deals?limit=100")).Data().Select(d => d!["title"]!.GetValue<string>()).Order();
        var activities = (await As(viewer).GetJsonAsync("/api/v1/activities?limit=100")).Data().Select(a => a!["body"]!.GetValue<string>()).Order();
        Assert.Equal(expected, contacts);
        Assert.Equal(expected, deals);
        Assert.Equal(expected, activities);
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Searches_find_only_what_the_viewer_may_see(string viewer)
    {
        var response = await As(viewer).PostJsonAsync("/api/v1/contacts/search", new { filter = new { field = "lifecycleStage", value = "customer" }, limit = 100 });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(Sees[viewer].Order(), (await response.JsonAsync()).Data().Select(c => c!["firstName"]!.GetValue<string>()).Order());
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Reads_updates_and_timelines_of_others_records_are_not_found(string viewer)
    {
        foreach (var owner in Owners)
        {
            var visible = Sees[viewer].Contains(owner);
            var expected = visible ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal(expected, (await As(viewer).GetAsync($"/api/v1/contacts/{_contactOf[owner]}")).StatusCode);
            Assert.Equal(expected, (await As(viewer).GetAsync($"/api/v1/deals/{_dealOf[owner]}")).StatusCode);
            Assert.Equal(expected, (await As(viewer).GetAsync($"/api/v1/contacts/{_contactOf[owner]}/timeline")).StatusCode);
            var patch = await As(viewer).PatchJsonAsync($"/api/v1/deals/{_dealOf[owner]}", new { tags = new[] { $"seen-by-{viewer}" } });
            Assert.Equal(expected, patch.StatusCode);
        }
    }

    [Fact]
    public async Task A_rep_cannot_link_a_record_to_another_reps_contact()
    {
        var response = await _people["ray"].Http.PostJsonAsync("/api/v1/deals", new { title = "Poach", contactIds = new[] { _contactOf["sam"] } });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "contactIds");
        var activity = await _people["ray"].Http.PostJsonAsync("/api/v1/activities", new { type = "note", body = "x", contactId = _contactOf["sam"] });
        await activity.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "contactId");
    }

    [Fact]
    public async Task A_reps_new_record_is_theirs_and_their_managers()
    {
        var created = await _people["rue"].Http.CreateAsync("/api/v1/companies", new { name = "Rue's find" });
        Assert.Equal(_people["rue"].Id, created["ownerId"]!.GetValue<string>());
        await (await _people["mia"].Http.GetAsync($"/api/v1/companies/{created.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await _people["ray"].Http.GetAsync($"/api/v1/companies/{created.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
