namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>Activity per owner and overdue tasks: who is doing the work.</summary>
public sealed class WorkReportTests : IClassFixture<ClockedCrmApi>
{
    private readonly ClockedCrmApi _api;

    public WorkReportTests(ClockedCrmApi api)
    {
        _api = api;
        _api.Clock.Reset();
    }

    [Fact]
    public async Task Activity_report_counts_each_owners_calls_meetings_emails_notes_tasks_and_deals_per_period()
    {
        var ws = await _api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("North");
        var mia = await ws.MemberAsync("manager", team);
        var ray = await ws.MemberAsync("rep", team);
        var sam = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        _api.Clock.Set(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

        await ray.Http.ActivityAsync(new { subject = "Work", type = "call", occurredAt = "2027-02-10T10:00:00Z" });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "call", occurredAt = "2027-02-10T11:00:00Z" });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "meeting", occurredAt = "2027-01-05T10:00:00Z" });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "email", occurredAt = "2027-02-11T10:00:00Z" });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "note", body = "happened now" });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = "2027-02-20T10:00:00Z", completedAt = "2027-02-19T10:00:00Z" });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = "2027-02-25T10:00:00Z" }); // overdue
        await ray.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = "2027-02-26T10:00:00Z", completedAt = "2027-02-27T10:00:00Z" }); // done late
        await ray.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = "2027-03-05T10:00:00Z" }); // not due yet
        var archived = await ray.Http.ActivityAsync(new { subject = "Work", type = "call", occurredAt = "2027-02-12T10:00:00Z" });
        await (await ray.Http.DeleteAsync($"/api/v1/activities/{archived}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var won = await ray.Http.DealAsync(pipeline, 100, "EUR");
        await ray.Http.DealAsync(pipeline, 100, "EUR");
        await ray.Http.MoveAsync(won, s["Won"]);
        await sam.Http.ActivityAsync(new { subject = "Work", type = "call", occurredAt = "2027-01-20T10:00:00Z" });
        var lost = await sam.Http.DealAsync(pipeline, 100, "EUR");
        await sam.Http.MoveAsync(lost, s["Lost"], lost: true);

        const string query = "/api/v1/reports/activity?from=2027-01-01&to=2027-03-31";
        var chart = (await ws.Http.GetJsonAsync(query))["chart"]!;
        Assert.Equal(["2027-01", "2027-02", "2027-03"], chart.Labels());
        Assert.Equal([0m, 2m, 0m], chart.Series("calls", ownerId: ray.Id));
        Assert.Equal([1m, 0m, 0m], chart.Series("meetings", ownerId: ray.Id));
        Assert.Equal([0m, 1m, 0m], chart.Series("emails", ownerId: ray.Id));
        Assert.Equal([0m, 0m, 1m], chart.Series("notes", ownerId: ray.Id));
        Assert.Equal([0m, 2m, 0m], chart.Series("tasksCompleted", ownerId: ray.Id));
        Assert.Equal([0m, 2m, 0m], chart.Series("tasksOverdue", ownerId: ray.Id));
        Assert.Equal([0m, 0m, 2m], chart.Series("dealsCreated", ownerId: ray.Id));
        Assert.Equal([0m, 0m, 1m], chart.Series("dealsWon", ownerId: ray.Id));
        Assert.Equal([0m, 0m, 0m], chart.Series("dealsLost", ownerId: ray.Id));
        Assert.Equal([1m, 0m, 0m], chart.Series("calls", ownerId: sam.Id));
        Assert.Equal([0m, 0m, 1m], chart.Series("dealsLost", ownerId: sam.Id));
        Assert.Equal(2 * 9, chart["series"]!.AsArray().Count);

        // The manager sees her team (Ray; she has no work of her own), not Sam.
        var managers = (await mia.Http.GetJsonAsync(query))["chart"]!;
        Assert.Equal([ray.Id], managers["series"]!.AsArray().Select(x => x!["owner"]!["id"]!.GetValue<string>()).Distinct());
        var quarter = (await ws.Http.GetJsonAsync($"{query}&interval=quarter&ownerId={sam.Id}"))["chart"]!;
        Assert.Equal(["2027-Q1"], quarter.Labels());
        Assert.Equal([1m], quarter.Series("calls", ownerId: sam.Id));
    }

    [Fact]
    public async Task Overdue_tasks_are_counted_per_owner_with_the_oldest_for_the_manager_of_their_team()
    {
        var ws = await _api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("North");
        var mia = await ws.MemberAsync("manager", team);
        var ray = await ws.MemberAsync("rep", team);
        var sam = await ws.MemberAsync("rep");
        var now = new DateTimeOffset(2027, 6, 15, 12, 0, 0, TimeSpan.Zero);
        _api.Clock.Set(now);
        string Due(double days) => now.AddDays(days).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        await ray.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = Due(-3) });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = Due(-1) });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = Due(2) });
        await ray.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = Due(-5), completedAt = Due(-4) });
        await sam.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = Due(-2) });
        await ws.Http.ActivityAsync(new { subject = "Work", type = "task", dueAt = Due(-7) }); // nobody's

        var all = (await ws.Http.GetJsonAsync("/api/v1/reports/overdue-tasks"))["chart"]!;
        Assert.Equal([ray.Id, sam.Id, null], all["keys"]!.AsArray().Select(k => k?.GetValue<string>()));
        Assert.Equal("Unassigned", all.Labels()[2]);
        Assert.Equal([2m, 1m, 1m], all.Series("overdueTasks"));
        Assert.Equal([3m, 2m, 7m], all.Series("oldestOverdueDays"));

        var managers = (await mia.Http.GetJsonAsync("/api/v1/reports/overdue-tasks"))["chart"]!;
        Assert.Equal([ray.Id], managers["keys"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal([2m], managers.Series("overdueTasks"));
        var sams = (await sam.Http.GetJsonAsync("/api/v1/reports/overdue-tasks"))["chart"]!;
        Assert.Equal([1m], sams.Series("overdueTasks"));
    }

    [Fact]
    public async Task Without_dates_reports_cover_a_year_of_whole_periods_back_or_for_the_forecast_ahead()
    {
        var ws = await _api.NewWorkspaceAsync();
        var admin = await ws.MemberAsync("admin");
        _api.Clock.Set(new DateTimeOffset(2027, 3, 15, 12, 0, 0, TimeSpan.Zero));

        var activity = await admin.Http.GetJsonAsync("/api/v1/reports/activity");
        Assert.Equal("2026-04-01", activity["from"]!.GetValue<string>());
        Assert.Equal("2027-03-15", activity["to"]!.GetValue<string>());
        Assert.Equal(12, activity["chart"]!.Labels().Length);
        var quarters = await admin.Http.GetJsonAsync("/api/v1/reports/win-rate?interval=quarter");
        Assert.Equal(["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"], quarters["byPeriod"]!.Labels());
        var forecast = await admin.Http.GetJsonAsync("/api/v1/reports/forecast");
        Assert.Equal("2027-03-01", forecast["from"]!.GetValue<string>());
        Assert.Equal("2028-02-29", forecast["to"]!.GetValue<string>());
        Assert.Equal("2027-03-01", forecast["chart"]!["keys"]![0]!.GetValue<string>());
    }
}
