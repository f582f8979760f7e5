namespace HeadlessCrm.Api.Tests.Members;

/// <summary>When someone leaves, one call gives their records to someone else, all at once and on the record.</summary>
public sealed class HandOverTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task Every_record_of_a_leaver_passes_to_their_successor_and_is_audited()
    {
        var ws = await api.NewWorkspaceAsync();
        var leaver = await ws.MemberAsync("rep");
        var successor = await ws.MemberAsync("rep");
        var contact = await leaver.Http.CreateAsync("/api/v1/contacts", new { firstName = "Kept" });
        var company = await leaver.Http.CreateAsync("/api/v1/companies", new { name = "Kept Co" });
        var deal = await leaver.Http.CreateAsync("/api/v1/deals", new { title = "Kept deal" });
        await leaver.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Kept task" });
        var untouched = await successor.Http.CreateAsync("/api/v1/contacts", new { firstName = "Already theirs" });

        var response = await ws.Http.PostJsonAsync($"/api/v1/members/{leaver.Id}/hand-over", new { toMemberId = successor.Id });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var moved = (await response.JsonAsync())["moved"]!;
        Assert.Equal(1, moved["contacts"]!.GetValue<int>());
        Assert.Equal(1, moved["deals"]!.GetValue<int>());
        Assert.Equal(1, moved["activities"]!.GetValue<int>());

        Assert.Empty((await leaver.Http.GetJsonAsync("/api/v1/contacts")).Data());
        var theirs = (await successor.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!.Id()).Order();
        Assert.Equal(new[] { contact.Id(), untouched.Id() }.Order(), theirs);
        Assert.Equal(successor.Id, (await successor.Http.GetJsonAsync($"/api/v1/companies/{company.Id()}"))["ownerId"]!.GetValue<string>());
        var history = (await successor.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/audit")).Data();
        Assert.Equal("handed_over", history[0]!["action"]!.GetValue<string>());
        Assert.Equal(leaver.Id, history[0]!["changes"]!["ownerId"]!["old"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_filtered_hand_over_moves_only_the_matching_records()
    {
        var ws = await api.NewWorkspaceAsync();
        var from = await ws.MemberAsync("rep");
        var to = await ws.MemberAsync("rep");
        var stages = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!["stages"]!.AsArray();
        var won = stages.First(s => s!["kind"]!.GetValue<string>() == "won")!.Id();
        var open = await from.Http.CreateAsync("/api/v1/deals", new { title = "Open one" });
        var closed = await from.Http.CreateAsync("/api/v1/deals", new { title = "Won one", stageId = won });

        var response = await ws.Http.PostJsonAsync($"/api/v1/members/{from.Id}/hand-over", new
        {
            toMemberId = to.Id,
            recordTypes = new[] { "deals" },
            filters = new { deals = new { field = "status", value = "open" } },
        });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal([open.Id()], (await to.Http.GetJsonAsync("/api/v1/deals")).Data().Select(d => d!.Id()));
        Assert.Equal([closed.Id()], (await from.Http.GetJsonAsync("/api/v1/deals")).Data().Select(d => d!.Id()));
    }

    [Fact]
    public async Task A_hand_over_to_nobody_or_with_a_bad_filter_moves_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var from = await ws.MemberAsync("rep");
        var to = await ws.MemberAsync("rep");
        await from.Http.CreateAsync("/api/v1/contacts", new { firstName = "Stays" });

        await (await ws.Http.PostJsonAsync($"/api/v1/members/{from.Id}/hand-over", new { toMemberId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "toMemberId");
        await (await ws.Http.PostJsonAsync($"/api/v1/members/{from.Id}/hand-over", new
            {
                toMemberId = to.Id,
                recordTypes = new[] { "contacts", "deals" },
                filters = new { deals = new { field = "nope", value = 1 } },
            }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Single((await from.Http.GetJsonAsync("/api/v1/contacts")).Data());
    }
}
