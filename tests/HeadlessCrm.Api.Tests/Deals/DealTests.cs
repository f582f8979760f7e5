namespace HeadlessCrm.Api.Tests.Deals;

public sealed class DealTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static async Task<JsonArray> StagesAsync(TestWorkspace ws) =>
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!["stages"]!.AsArray();

    private static string StageOfKind(JsonArray stages, string kind) =>
        stages.First(s => s!["kind"]!.GetValue<string>() == kind)!.Id();

    [Fact]
    public async Task A_new_deal_starts_open_in_the_first_stage_of_the_first_pipeline()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = await StagesAsync(ws);
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Fleet upgrade", amount = 25000.50, currency = "EUR", expectedCloseDate = "2027-01-31" });

        Assert.Equal(stages[0]!.Id(), deal["stageId"]!.GetValue<string>());
        Assert.Equal("open", deal["status"]!.GetValue<string>());
        Assert.Equal(25000.50m, deal["amount"]!.GetValue<decimal>());
        Assert.Null(deal["closedAt"]);
        var history = (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/stage-history")).Data();
        Assert.Equal(stages[0]!.Id(), Assert.Single(history)!["stageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moving_a_deal_records_when_it_left_one_stage_and_entered_the_next()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = await StagesAsync(ws);
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Moves" });

        await (await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = stages[1]!.Id() })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = stages[2]!.Id() })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var history = (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/stage-history")).Data();
        Assert.Equal([stages[0]!.Id(), stages[1]!.Id(), stages[2]!.Id()], history.Select(h => h!["stageId"]!.GetValue<string>()));
        Assert.NotNull(history[0]!["leftAt"]);
        Assert.Equal(history[0]!["leftAt"]!.GetValue<DateTime>(), history[1]!["enteredAt"]!.GetValue<DateTime>());
        Assert.Null(history[2]!["leftAt"]);
    }

    [Fact]
    public async Task Entering_a_won_stage_wins_the_deal_and_stamps_when()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = await StagesAsync(ws);
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Winner" });

        var response = await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = StageOfKind(stages, "won") });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var won = await response.JsonAsync();
        Assert.Equal("won", won["status"]!.GetValue<string>());
        Assert.NotNull(won["closedAt"]);
    }

    [Fact]
    public async Task A_deal_cannot_be_lost_without_a_reason()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = await StagesAsync(ws);
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Loser" });

        var refused = await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = StageOfKind(stages, "lost") });
        await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "lostReason");
        Assert.Equal("open", (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}"))["status"]!.GetValue<string>());

        var lost = await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = StageOfKind(stages, "lost"), lostReason = "Went with a competitor" });
        await lost.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var body = await lost.JsonAsync();
        Assert.Equal("lost", body["status"]!.GetValue<string>());
        Assert.Equal("Went with a competitor", body["lostReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reopening_a_lost_deal_clears_its_reason_and_close_time()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = await StagesAsync(ws);
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Second chance", stageId = StageOfKind(stages, "lost"), lostReason = "Budget" });
        Assert.Equal("lost", deal["status"]!.GetValue<string>());

        var response = await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = stages[1]!.Id() });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var reopened = await response.JsonAsync();
        Assert.Equal("open", reopened["status"]!.GetValue<string>());
        Assert.Null(reopened["lostReason"]);
        Assert.Null(reopened["closedAt"]);
    }

    [Fact]
    public async Task A_lost_reason_on_an_open_deal_is_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/deals", new { title = "Confused", lostReason = "Not lost yet" });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "lostReason");
    }

    [Fact]
    public async Task A_stage_of_another_pipeline_moves_the_deal_into_that_pipeline()
    {
        var ws = await api.NewWorkspaceAsync();
        var other = await ws.Http.CreateAsync("/api/v1/pipelines", new
        {
            name = "Renewals",
            stages = new object[] { new { name = "Due", probability = 0.7 }, new { name = "Renewed", kind = "won" }, new { name = "Churned", kind = "lost" } },
        });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Switcher" });

        var response = await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { stageId = other["stages"]![0]!.Id() });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(other.Id(), (await response.JsonAsync())["pipelineId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stage_that_is_not_in_the_named_pipeline_is_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = await StagesAsync(ws);
        var other = await ws.Http.CreateAsync("/api/v1/pipelines", new
        {
            name = "Other",
            stages = new object[] { new { name = "X", probability = 0.5 }, new { name = "W", kind = "won" }, new { name = "L", kind = "lost" } },
        });
        var response = await ws.Http.PostJsonAsync("/api/v1/deals", new { title = "Mismatch", pipelineId = other.Id(), stageId = stages[0]!.Id() });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "stageId");
    }

    [Theory]
    [InlineData(100, null, "currency")]
    [InlineData(100, "EURO", "currency")]
    [InlineData(100, "eur", "currency")]
    [InlineData(-5, "EUR", "amount")]
    public async Task Money_needs_a_non_negative_amount_and_an_iso_currency(double amount, string? currency, string field)
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/deals", new { title = "Money", amount, currency });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task Contacts_are_added_to_and_removed_from_a_deal()
    {
        var ws = await api.NewWorkspaceAsync();
        var ada = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ada" });
        var bob = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Bob" });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Team deal", contactIds = new[] { ada.Id() } });
        Assert.Equal([ada.Id()], deal["contactIds"]!.AsArray().Select(c => c!.GetValue<string>()));

        await (await ws.Http.PutAsync($"/api/v1/deals/{deal.Id()}/contacts/{bob.Id()}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await ws.Http.PutAsync($"/api/v1/deals/{deal.Id()}/contacts/{bob.Id()}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var contacts = (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/contacts")).Data().Select(c => c!.Id()).Order();
        Assert.Equal(new[] { ada.Id(), bob.Id() }.Order(), contacts);
        Assert.Equal(deal.Id(), Assert.Single((await ws.Http.GetJsonAsync($"/api/v1/contacts/{bob.Id()}/deals")).Data())!.Id());

        await (await ws.Http.DeleteAsync($"/api/v1/deals/{deal.Id()}/contacts/{ada.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var after = await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}");
        Assert.Equal([bob.Id()], after["contactIds"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Deals_can_be_found_through_their_contacts_source_and_their_companys_kind()
    {
        var ws = await api.NewWorkspaceAsync();
        var partner = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Partner Co", kind = "partner", employeeCount = 80 });
        var referred = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ref", source = "referral" });
        var ads = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ads", source = "paid_ads" });
        var both = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Both", companyId = partner.Id(), contactIds = new[] { referred.Id() } });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Ads only", contactIds = new[] { ads.Id() } });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Partner, ads", companyId = partner.Id(), contactIds = new[] { ads.Id() } });

        var response = await ws.Http.PostJsonAsync("/api/v1/deals/search", new
        {
            filter = new
            {
                and = new object[]
                {
                    new { field = "contacts.source", value = "referral" },
                    new { field = "company.kind", value = "partner" },
                    new { field = "company.employeeCount", op = "gt", value = 50 },
                },
            },
        });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(both.Id(), Assert.Single((await response.JsonAsync()).Data())!.Id());
    }
}
