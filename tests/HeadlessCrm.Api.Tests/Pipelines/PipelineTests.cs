namespace HeadlessCrm.Api.Tests.Pipelines;

public sealed class PipelineTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_new_workspace_has_a_sales_pipeline_with_won_and_lost_stages()
    {
        var ws = await api.NewWorkspaceAsync();
        var pipeline = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!;
        var kinds = pipeline["stages"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("won", kinds);
        Assert.Contains("lost", kinds);
        Assert.Equal("open", kinds[0]);
    }

    [Fact]
    public async Task A_pipeline_is_created_with_its_stages_in_order()
    {
        var ws = await api.NewWorkspaceAsync();
        var pipeline = await ws.Http.CreateAsync("/api/v1/pipelines", new
        {
            name = "Partnerships",
            stages = new object[]
            {
                new { name = "Intro", probability = 0.1 },
                new { name = "Pilot", probability = 0.6 },
                new { name = "Signed", kind = "won" },
                new { name = "Dropped", kind = "lost" },
            },
        });
        var stages = pipeline["stages"]!.AsArray();
        Assert.Equal(["Intro", "Pilot", "Signed", "Dropped"], stages.Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal([0, 1, 2, 3], stages.Select(s => s!["position"]!.GetValue<int>()));
        Assert.Equal(1m, stages[2]!["probability"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_pipeline_without_a_lost_stage_is_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/pipelines", new
        {
            name = "Optimists",
            stages = new object[] { new { name = "A", probability = 0.5 }, new { name = "B", probability = 0.7 }, new { name = "Won", kind = "won" } },
        });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "stages");
    }

    [Fact]
    public async Task A_stage_can_be_added_at_a_position_and_the_others_make_room()
    {
        var ws = await api.NewWorkspaceAsync();
        var pipeline = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!;
        var response = await ws.Http.PostJsonAsync($"/api/v1/pipelines/{pipeline.Id()}/stages", new { name = "Demo", probability = 0.3, position = 1 });
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);

        var stages = (await response.JsonAsync())["stages"]!.AsArray();
        Assert.Equal("Demo", stages[1]!["name"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(0, stages.Count), stages.Select(s => s!["position"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_stage_with_deals_in_it_cannot_be_archived()
    {
        var ws = await api.NewWorkspaceAsync();
        var pipeline = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!;
        var first = pipeline["stages"]![0]!.Id();
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Sticky", stageId = first });

        var response = await ws.Http.DeleteAsync($"/api/v1/pipelines/{pipeline.Id()}/stages/{first}");
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_pipeline_with_open_deals_cannot_be_archived_but_an_empty_one_can()
    {
        var ws = await api.NewWorkspaceAsync();
        var busy = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!;
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Open deal", pipelineId = busy.Id() });
        var empty = await ws.Http.CreateAsync("/api/v1/pipelines", new
        {
            name = "Empty",
            stages = new object[] { new { name = "A", probability = 0.5 }, new { name = "W", kind = "won" }, new { name = "L", kind = "lost" } },
        });

        await (await ws.Http.DeleteAsync($"/api/v1/pipelines/{busy.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await ws.Http.DeleteAsync($"/api/v1/pipelines/{empty.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(busy.Id(), Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!.Id());
    }
}
