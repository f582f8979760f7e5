namespace HeadlessCrm.Api.Tests.Automation;

/// <summary>Rules run from the outbox: a task when a deal enters a stage; rules that set themselves off stop at the depth limit.</summary>
public sealed class AutomationRuleTests(AutomationHost api) : IClassFixture<AutomationHost>
{
    private static async Task<JsonArray> EventuallyAsync(Func<Task<JsonArray>> read, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonArray found;
        while ((found = await read()).Count < expected && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(1000);
        return await read();
    }

    [Fact]
    public async Task A_deal_entering_a_stage_gets_a_task_for_its_owner_once()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var stages = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!["stages"]!.AsArray();
        var proposal = stages[1]!.Id();
        await ws.Http.CreateAsync("/api/v1/automation-rules", new
        {
            name = "Proposal follow-up",
            trigger = new { eventType = "deal.stage_changed", field = "stageId", equalTo = proposal },
            actions = new object[] { new { type = "create_task", subject = "Follow up on the proposal", dueInDays = 2 }, new { type = "add_tag", tag = "Proposal" } },
        });
        var deal = await rep.Http.CreateAsync("/api/v1/deals", new { title = "Big one" });
        var other = await rep.Http.CreateAsync("/api/v1/deals", new { title = "Elsewhere" });
        var before = DateTime.UtcNow;

        (await rep.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = proposal })).EnsureSuccessStatusCode();
        (await rep.Http.PatchJsonAsync($"/api/v1/deals/{other.Id()}", new { stageId = stages[2]!.Id() })).EnsureSuccessStatusCode();

        var tasks = await EventuallyAsync(async () => (await rep.Http.GetJsonAsync($"/api/v1/activities?type=task&dealId={deal.Id()}")).Data(), 1);
        var task = Assert.Single(tasks)!;
        Assert.Equal("Follow up on the proposal", task["subject"]!.GetValue<string>());
        Assert.Equal(rep.Id, task["ownerId"]!.GetValue<string>());
        Assert.InRange(task["dueAt"]!.GetValue<DateTime>().ToUniversalTime(), before.AddDays(2).AddMinutes(-1), DateTime.UtcNow.AddDays(2).AddMinutes(1));
        Assert.Equal(["proposal"], (await rep.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Empty((await rep.Http.GetJsonAsync($"/api/v1/activities?type=task&dealId={other.Id()}")).Data());
    }

    [Fact]
    public async Task A_rule_that_sets_itself_off_stops_at_the_depth_limit()
    {
        var ws = await api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("Inside sales");
        var first = await ws.MemberAsync("rep", team);
        var second = await ws.MemberAsync("rep", team);
        // Every update reassigns the contact round-robin, which is itself an update: without the limit, for ever.
        await ws.Http.CreateAsync("/api/v1/automation-rules", new
        {
            name = "Ping-pong", trigger = new { eventType = "contact.updated" }, actions = new object[] { new { type = "assign_owner", teamId = team } },
        });
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Loop" });
        (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{contact.Id()}", new { title = "CTO" })).EnsureSuccessStatusCode();

        var ownerChanges = await EventuallyAsync(async () => new JsonArray((await ws.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}/audit?limit=100")).Data()
            .Where(e => e!["changes"]?["ownerId"] is not null).Select(e => e!.DeepClone()).ToArray()), 3);
        Assert.Equal(3, ownerChanges.Count);
        var inTurn = new[] { first.Id, second.Id }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([inTurn[0], inTurn[1], inTurn[0]],
            ownerChanges.Reverse().Select(e => e!["changes"]!["ownerId"]!["new"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Rules_are_an_admins_and_bad_ones_are_refused_by_field()
    {
        var ws = await api.NewWorkspaceAsync();
        await (await ws.Http.PostJsonAsync("/api/v1/automation-rules", new { name = "x", trigger = new { eventType = "deal.exploded" }, actions = new[] { new { type = "add_tag", tag = "a" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "trigger.eventType");
        await (await ws.Http.PostJsonAsync("/api/v1/automation-rules", new { name = "x", trigger = new { eventType = "deal.won" }, actions = new[] { new { type = "create_task" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].subject");
        await (await ws.Http.PostJsonAsync("/api/v1/automation-rules", new { name = "x", trigger = new { eventType = "deal.won" }, actions = new[] { new { type = "assign_owner", teamId = Guid.NewGuid() } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "actions[0].teamId");
        var rep = await ws.MemberAsync("rep");
        await (await rep.Http.GetAsync("/api/v1/automation-rules")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
