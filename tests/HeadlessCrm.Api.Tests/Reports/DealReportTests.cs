namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>Funnel, forecast, win rate and sales cycle, over deals made and moved through the API.</summary>
public sealed class DealReportTests : IClassFixture<ClockedCrmApi>
{
    private readonly ClockedCrmApi _api;

    public DealReportTests(ClockedCrmApi api)
    {
        _api = api;
        _api.Clock.Reset();
    }

    [Fact]
    public async Task Funnel_counts_the_deals_reaching_each_stage_with_their_amounts_per_currency_and_the_conversion()
    {
        var ws = await _api.NewWorkspaceAsync();
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var a = await ws.Http.DealAsync(pipeline, 1000, "EUR");
        await ws.Http.MoveAsync(a, s["Demo"]);
        await ws.Http.MoveAsync(a, s["Proposal"]);
        await ws.Http.MoveAsync(a, s["Won"]);
        var b = await ws.Http.DealAsync(pipeline, 500, "EUR");
        await ws.Http.MoveAsync(b, s["Demo"]);
        await ws.Http.MoveAsync(b, s["Lost"], lost: true);
        await ws.Http.DealAsync(pipeline, 200, "USD");
        var d = await ws.Http.DealAsync(pipeline, 300, "EUR");
        await ws.Http.MoveAsync(d, s["Proposal"]); // skips Demo, so has passed it
        await ws.Http.DealAsync(pipeline, null, null); // no amount: counted, worth nothing

        var funnel = await ws.Http.GetJsonAsync($"/api/v1/reports/funnel?pipelineId={pipeline}");
        var chart = funnel["chart"]!;

        Assert.Equal(["Lead", "Demo", "Proposal", "Won", "Lost"], chart.Labels());
        Assert.Equal([5m, 3m, 2m, 1m, 1m], chart.Series("deals"));
        Assert.Equal([1800m, 1800m, 1300m, 1000m, 500m], chart.Series("amount", "EUR"));
        Assert.Equal([200m, 0m, 0m, 0m, 0m], chart.Series("amount", "USD"));
        Assert.Equal([null, 0.6m, 0.6667m, 0.5m, null], chart.Series("conversion"));
        Assert.Equal(["open", "open", "open", "won", "lost"], funnel["stages"]!.AsArray().Select(x => x!["kind"]!.GetValue<string>()));

        var dollars = (await ws.Http.GetJsonAsync($"/api/v1/reports/funnel?pipelineId={pipeline}&currency=USD"))["chart"]!;
        Assert.Equal([1m, 0m, 0m, 0m, 0m], dollars.Series("deals"));
        Assert.Equal(1, dollars.SeriesCount("amount"));
    }

    [Fact]
    public async Task Funnel_covers_a_reps_own_deals_a_managers_team_and_the_whole_workspace_for_an_integration()
    {
        var ws = await _api.NewWorkspaceAsync();
        var north = await ws.TeamAsync("North");
        var south = await ws.TeamAsync("South");
        var mia = await ws.MemberAsync("manager", north);
        var ray = await ws.MemberAsync("rep", north);
        var sam = await ws.MemberAsync("rep", south);
        var (pipeline, _) = await ws.Http.PipelineAsync();
        await ws.Http.DealAsync(pipeline, 100, "EUR", ray.Id);
        await ws.Http.DealAsync(pipeline, 200, "EUR", ray.Id);
        await ws.Http.DealAsync(pipeline, 400, "EUR", mia.Id);
        await ws.Http.DealAsync(pipeline, 800, "EUR", sam.Id);

        async Task<(decimal?, decimal?)> LeadOf(HttpClient http, string query = "")
        {
            var chart = (await http.GetJsonAsync($"/api/v1/reports/funnel?pipelineId={pipeline}{query}"))["chart"]!;
            return (chart.Series("deals")[0], chart.Series("amount", "EUR")[0]);
        }

        Assert.Equal((2m, 300m), await LeadOf(ray.Http));
        Assert.Equal((3m, 700m), await LeadOf(mia.Http));
        Assert.Equal((1m, 800m), await LeadOf(sam.Http));
        Assert.Equal((4m, 1500m), await LeadOf(ws.Http));
        Assert.Equal((1m, 800m), await LeadOf(ws.Http, $"&teamId={south}"));
        Assert.Equal((1m, 400m), await LeadOf(mia.Http, $"&ownerId={mia.Id}"));
        // Narrowing never widens: a rep asking for another rep's deals gets none.
        var raysViewOfSam = (await ray.Http.GetJsonAsync($"/api/v1/reports/funnel?pipelineId={pipeline}&ownerId={sam.Id}"))["chart"]!;
        Assert.Equal(0m, raysViewOfSam.Series("deals")[0]);
    }

    [Fact]
    public async Task Forecast_weights_open_deals_by_stage_probability_per_period_of_expected_close_and_splits_commit_from_best_case()
    {
        var ws = await _api.NewWorkspaceAsync();
        var (pipeline, s) = await ws.Http.PipelineAsync();
        await ws.Http.DealAsync(pipeline, 1000, "EUR", expectedCloseDate: "2030-01-15", stageId: s["Lead"]);
        await ws.Http.DealAsync(pipeline, 2000, "EUR", expectedCloseDate: "2030-01-20", stageId: s["Proposal"]);
        await ws.Http.DealAsync(pipeline, 500, "USD", expectedCloseDate: "2030-02-10", stageId: s["Demo"]);
        await ws.Http.DealAsync(pipeline, 100, "EUR", expectedCloseDate: "2030-05-01", stageId: s["Proposal"]);
        await ws.Http.DealAsync(pipeline, 900, "EUR", expectedCloseDate: "2031-01-01", stageId: s["Proposal"]); // after the period
        await ws.Http.DealAsync(pipeline, 50, "EUR", stageId: s["Proposal"]); // no expected close date

        var forecast = await ws.Http.GetJsonAsync("/api/v1/reports/forecast?from=2030-01-01&to=2030-06-30");
        var chart = forecast["chart"]!;
        Assert.Equal(["2030-01", "2030-02", "2030-03", "2030-04", "2030-05", "2030-06"], chart.Labels());
        Assert.Equal([1800m, 0m, 0m, 0m, 80m, 0m], chart.Series("weighted", "EUR"));
        Assert.Equal([2000m, 0m, 0m, 0m, 100m, 0m], chart.Series("commit", "EUR"));
        Assert.Equal([3000m, 0m, 0m, 0m, 100m, 0m], chart.Series("bestCase", "EUR"));
        Assert.Equal([0m, 250m, 0m, 0m, 0m, 0m], chart.Series("weighted", "USD"));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m], chart.Series("commit", "USD"));
        Assert.Equal(0.7m, forecast["commitThreshold"]!.GetValue<decimal>());

        var quarters = (await ws.Http.GetJsonAsync("/api/v1/reports/forecast?from=2030-01-01&to=2030-06-30&interval=quarter&commitThreshold=0.5"))["chart"]!;
        Assert.Equal(["2030-Q1", "2030-Q2"], quarters.Labels());
        Assert.Equal([1800m, 80m], quarters.Series("weighted", "EUR"));
        Assert.Equal([500m, 0m], quarters.Series("commit", "USD"));
    }

    [Fact]
    public async Task Forecast_shows_the_amount_won_in_each_period_per_currency()
    {
        var ws = await _api.NewWorkspaceAsync();
        var admin = await ws.MemberAsync("admin");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        _api.Clock.Set(new DateTimeOffset(2027, 2, 10, 12, 0, 0, TimeSpan.Zero));
        var january = await admin.Http.DealAsync(pipeline, 700, "EUR");
        await admin.Http.MoveAsync(january, s["Won"]);
        var lost = await admin.Http.DealAsync(pipeline, 999, "EUR");
        await admin.Http.MoveAsync(lost, s["Lost"], lost: true);
        _api.Clock.Set(new DateTimeOffset(2027, 3, 3, 12, 0, 0, TimeSpan.Zero));
        var march = await admin.Http.DealAsync(pipeline, 300, "GBP");
        await admin.Http.MoveAsync(march, s["Won"]);

        var chart = (await admin.Http.GetJsonAsync("/api/v1/reports/forecast?from=2027-01-01&to=2027-03-31"))["chart"]!;
        Assert.Equal([0m, 700m, 0m], chart.Series("won", "EUR"));
        Assert.Equal([0m, 0m, 300m], chart.Series("won", "GBP"));
    }

    [Fact]
    public async Task Median_days_to_close_is_exact_across_cycle_lengths_per_owner_period_and_filter()
    {
        var ws = await _api.NewWorkspaceAsync();
        var ray = await ws.MemberAsync("rep");
        var sam = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var closing = new DateTimeOffset(2027, 6, 20, 12, 0, 0, TimeSpan.Zero);
        // Ray: 1, 3, 30.5 and 100 days (USD for the longest); Sam: 2, 5 and 200 days, and 7 days closed in May.
        var cycles = new (double Days, TestMember Owner, string Currency, DateTimeOffset Closed)[]
        {
            (200, sam, "EUR", closing), (100, ray, "USD", closing), (30.5, ray, "EUR", closing), (5, sam, "EUR", closing),
            (3, ray, "EUR", closing), (2, sam, "EUR", closing), (1, ray, "EUR", closing), (7, sam, "EUR", closing.AddMonths(-1)),
        };
        var deals = new List<(string Id, DateTimeOffset Closed)>();
        foreach (var c in cycles.OrderBy(c => c.Closed.AddDays(-c.Days)))
        {
            _api.Clock.Set(c.Closed.AddDays(-c.Days));
            deals.Add((await ws.Http.DealAsync(pipeline, 10, c.Currency, c.Owner.Id), c.Closed));
        }
        foreach (var (id, closed) in deals.OrderBy(d => d.Closed))
        {
            _api.Clock.Set(closed);
            await ws.Http.MoveAsync(id, s["Won"]);
        }

        var byPeriod = (await ws.Http.GetJsonAsync("/api/v1/reports/win-rate?from=2027-05-01&to=2027-06-30"))["byPeriod"]!;
        Assert.Equal([7m, 5m], byPeriod.Series("medianDaysToClose")); // June: 1, 2, 3, 5, 30.5, 100, 200
        Assert.Equal([null, 16.75m], byPeriod.Series("medianDaysToClose", ownerId: ray.Id)); // 1, 3 | 30.5, 100
        Assert.Equal([7m, 5m], byPeriod.Series("medianDaysToClose", ownerId: sam.Id));

        var eur = (await ws.Http.GetJsonAsync("/api/v1/reports/win-rate?from=2027-06-15&to=2027-06-30&currency=EUR"))["byPeriod"]!;
        Assert.Equal([4m], eur.Series("medianDaysToClose")); // 1, 2, 3, 5, 30.5, 200
        Assert.Equal([3m], eur.Series("medianDaysToClose", ownerId: ray.Id));
        var quarter = (await ws.Http.GetJsonAsync("/api/v1/reports/win-rate?from=2027-04-01&to=2027-06-30&interval=quarter"))["byPeriod"]!;
        Assert.Equal([6m], quarter.Series("medianDaysToClose")); // all eight
        var samsView = (await sam.Http.GetJsonAsync("/api/v1/reports/win-rate?from=2027-06-01&to=2027-06-30"))["byPeriod"]!;
        Assert.Equal([5m], samsView.Series("medianDaysToClose"));
    }

    [Fact]
    public async Task Win_rate_and_sales_cycle_come_per_period_and_owner_with_the_average_days_in_each_stage()
    {
        var ws = await _api.NewWorkspaceAsync();
        var admin = await ws.MemberAsync("admin");
        var ray = await ws.MemberAsync("rep");
        var sam = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var day0 = new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.Zero);
        _api.Clock.Set(day0);
        var d1 = await admin.Http.DealAsync(pipeline, 100, "EUR", ray.Id);
        var d2 = await admin.Http.DealAsync(pipeline, 100, "EUR", ray.Id);
        var d3 = await admin.Http.DealAsync(pipeline, 100, "EUR", sam.Id);
        var d4 = await admin.Http.DealAsync(pipeline, 100, "EUR", ray.Id);
        var d5 = await admin.Http.DealAsync(pipeline, 100, "EUR", ray.Id);
        _api.Clock.Set(day0.AddDays(2));
        await admin.Http.MoveAsync(d1, s["Demo"]);
        _api.Clock.Set(day0.AddDays(4));
        await admin.Http.MoveAsync(d2, s["Won"]);
        _api.Clock.Set(day0.AddDays(6));
        await admin.Http.MoveAsync(d3, s["Lost"], lost: true);
        _api.Clock.Set(day0.AddDays(10));
        await admin.Http.MoveAsync(d1, s["Won"]);
        await admin.Http.MoveAsync(d4, s["Lost"], lost: true);
        await admin.Http.MoveAsync(d5, s["Won"]);

        var report = await admin.Http.GetJsonAsync("/api/v1/reports/win-rate?from=2027-03-01&to=2027-04-30");
        var byPeriod = report["byPeriod"]!;
        Assert.Equal(["2027-03", "2027-04"], byPeriod.Labels());
        Assert.Equal([0m, 3m], byPeriod.Series("won"));
        Assert.Equal([0m, 2m], byPeriod.Series("lost"));
        Assert.Equal([null, 0.6m], byPeriod.Series("winRate"));
        Assert.Equal([null, 10m], byPeriod.Series("medianDaysToClose"));
        Assert.Equal([null, 8m], byPeriod.Series("averageDaysToClose"));

        Assert.Equal([null, 0.75m], byPeriod.Series("winRate", ownerId: ray.Id));
        Assert.Equal([null, 10m], byPeriod.Series("medianDaysToClose", ownerId: ray.Id));
        Assert.Equal([null, 0m], byPeriod.Series("winRate", ownerId: sam.Id));
        Assert.Equal([null, null], byPeriod.Series("medianDaysToClose", ownerId: sam.Id));

        var stages = report["stageDurations"]!;
        Assert.Equal(["Sales / Lead", "Sales / Demo"], stages.Labels());
        Assert.Equal([6.4m, 8m], stages.Series("averageDaysInStage"));
        Assert.Equal([5m, 1m], stages.Series("stays"));

        // Sam, a rep, sees his own: one lost deal.
        var samsView = (await sam.Http.GetJsonAsync("/api/v1/reports/win-rate?from=2027-04-01&to=2027-04-30"))["byPeriod"]!;
        Assert.Equal([0m], samsView.Series("won"));
        Assert.Equal([1m], samsView.Series("lost"));
    }
}
