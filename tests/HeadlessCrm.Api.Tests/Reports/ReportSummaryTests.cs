using HeadlessCrm.Api.Features.Reports;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>
/// The report summaries (docs/reports.md, "Summaries") stay exact through every kind of change: after each one, the
/// summaries equal the facts computed from the records from scratch (<c>report_facts_drift</c> = 0), and the reports
/// read from them are the same before compaction, after it and after a rebuild from scratch.
/// </summary>
public sealed class ReportSummaryTests : IClassFixture<ClockedCrmApi>
{
    private readonly ClockedCrmApi _api;

    public ReportSummaryTests(ClockedCrmApi api)
    {
        _api = api;
        _api.Clock.Reset();
    }

    [Fact]
    public async Task Deal_changes_keep_funnel_forecast_win_rate_and_activity_exact()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var other = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var (renewals, r) = await ws.Http.PipelineAsync("Renewals");
        var close = DateOnly.FromDateTime(_api.Clock.UtcNow).AddDays(20).ToString("yyyy-MM-dd");
        var reports = Reports(pipeline, renewals);

        var a = await ws.Http.DealAsync(pipeline, 1000, "EUR", rep.Id, close);
        var b = await ws.Http.DealAsync(pipeline, null, null, other.Id);
        await AssertExactAsync(ws, reports, expectSomething: true);

        await ws.Http.MoveAsync(a, s["Demo"]);
        await ws.Http.MoveAsync(a, s["Proposal"]);
        await AssertExactAsync(ws, reports);

        // Owner, amount, currency and expected close date move the deal between summary keys.
        await (await ws.Http.PatchJsonAsync($"/api/v1/deals/{a}", new { ownerId = other.Id, amount = 1500, currency = "USD",
            expectedCloseDate = DateOnly.FromDateTime(_api.Clock.UtcNow).AddDays(50).ToString("yyyy-MM-dd") })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await AssertExactAsync(ws, reports);

        _api.Clock.Advance(TimeSpan.FromDays(2));
        await ws.Http.MoveAsync(a, s["Won"]);
        await ws.Http.MoveAsync(b, s["Lost"], lost: true);
        await AssertExactAsync(ws, reports);

        // Into another pipeline: the deal's path in the first pipeline stays, a path in the second begins.
        await ws.Http.MoveAsync(b, r["Demo"]);
        await AssertExactAsync(ws, reports);

        await (await ws.Http.DeleteAsync($"/api/v1/deals/{a}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var win = (await ws.Http.GetJsonAsync($"/api/v1/reports/win-rate?pipelineId={pipeline}"))["byPeriod"]!;
        Assert.Equal(0m, win.Series("won").Sum());
        await AssertExactAsync(ws, reports);

        await (await ws.Http.PostAsync($"/api/v1/deals/{a}/restore", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        win = (await ws.Http.GetJsonAsync($"/api/v1/reports/win-rate?pipelineId={pipeline}"))["byPeriod"]!;
        Assert.Equal(1m, win.Series("won").Sum());
        await AssertExactAsync(ws, reports);

        // Handing the other rep's records over moves every deal fact to the successor.
        await (await ws.Http.PostJsonAsync($"/api/v1/members/{other.Id}/hand-over", new { toMemberId = rep.Id })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var funnel = (await ws.Http.GetJsonAsync($"/api/v1/reports/funnel?pipelineId={pipeline}&ownerId={rep.Id}"))["chart"]!;
        Assert.Equal(2m, funnel.Series("deals")[0]);
        await AssertExactAsync(ws, reports);
    }

    [Fact]
    public async Task Activity_and_contact_changes_keep_activity_and_lead_source_reports_exact()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var other = await ws.MemberAsync("rep");
        var reports = Reports();
        var now = _api.Clock.UtcNow;

        var ann = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ann", source = "referral", ownerId = rep.Id });
        var bob = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Bob", source = "event", ownerId = rep.Id, lifecycleStage = "customer" });
        var call = await ws.Http.ActivityAsync(new { type = "call", subject = "Intro", occurredAt = now.AddHours(-1), ownerId = rep.Id, contactId = ann.Id() });
        var task = await ws.Http.ActivityAsync(new { type = "task", subject = "Follow up", dueAt = now.AddDays(-3), ownerId = rep.Id, contactId = bob.Id() });
        await AssertExactAsync(ws, reports, expectSomething: true);

        await (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{ann.Id()}", new { lifecycleStage = "customer", source = "event" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ws.Http.PatchJsonAsync($"/api/v1/activities/{task}", new { completedAt = now })).ShouldHaveStatusAsync(HttpStatusCode.OK); // done late
        await (await ws.Http.PatchJsonAsync($"/api/v1/activities/{call}", new { ownerId = other.Id, occurredAt = now.AddDays(-40) })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await AssertExactAsync(ws, reports);

        await (await ws.Http.DeleteAsync($"/api/v1/activities/{call}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await ws.Http.DeleteAsync($"/api/v1/contacts/{bob.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await AssertExactAsync(ws, reports);
        await (await ws.Http.PostAsync($"/api/v1/activities/{call}/restore", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ws.Http.PostAsync($"/api/v1/contacts/{bob.Id()}/restore", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await AssertExactAsync(ws, reports);

        // Batch: creates, an update and an archive through the same use cases.
        var batch = await (await ws.Http.PostJsonAsync("/api/v1/activities/batch", new
        {
            operations = new object[]
            {
                new { op = "create", record = new { type = "meeting", subject = "Demo", occurredAt = now.AddHours(-2), ownerId = rep.Id } },
                new { op = "create", record = new { type = "email", subject = "Offer", occurredAt = now.AddHours(-3), ownerId = other.Id } },
                new { op = "update", id = task, record = new { ownerId = other.Id } },
                new { op = "archive", id = call },
            },
        })).JsonAsync();
        Assert.Equal(0, batch["failed"]!.GetValue<int>());
        await AssertExactAsync(ws, reports);

        // Merge moves the merged contact's activities; erase removes a person and their timeline for good.
        await (await ws.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = ann.Id(), mergedIds = new[] { bob.Id() } })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await AssertExactAsync(ws, reports);
        await (await ws.Http.PostJsonAsync($"/api/v1/contacts/{ann.Id()}/erase", new { })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await AssertExactAsync(ws, reports);
    }

    [Fact]
    public async Task Link_contact_and_won_deal_changes_keep_lead_sources_and_the_median_exact()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var other = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var reports = Reports(pipeline).Concat(["/api/v1/reports/lead-sources?currency=EUR", $"/api/v1/reports/lead-sources?ownerId={rep.Id}"]).ToArray();
        var start = _api.Clock.UtcNow;
        async Task<string> ContactAsync(string source, string? owner) =>
            (await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "C", source, ownerId = owner })).Id();
        async Task<decimal?> LeadAsync(string metric, string channel, string? currency = null)
        {
            var chart = (await ws.Http.GetJsonAsync("/api/v1/reports/lead-sources"))["chart"]!;
            return chart.Series(metric, currency)[chart["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToList().IndexOf(channel)];
        }

        var ann = await ContactAsync("referral", rep.Id);
        var bob = await ContactAsync("referral", other.Id);
        var cat = await ContactAsync("event", rep.Id);
        // Cycles of 1, 3, 30 and 100 days: four cycle-time buckets.
        var deals = new List<string>();
        foreach (var days in new[] { 100, 30, 3, 1 })
        {
            _api.Clock.Set(start.AddDays(-days));
            deals.Add(await ws.Http.DealAsync(pipeline, 100 * days, "EUR", rep.Id, contactIds: [ann, bob]));
        }
        _api.Clock.Set(start);
        foreach (var deal in deals) await ws.Http.MoveAsync(deal, s["Won"]);
        Assert.Equal(4m, await LeadAsync("dealsWon", "referral"));
        Assert.Equal(13400m, await LeadAsync("revenue", "referral", "EUR"));
        var win = (await ws.Http.GetJsonAsync("/api/v1/reports/win-rate"))["byPeriod"]!;
        Assert.Equal(16.5m, win.Series("medianDaysToClose").Last());
        await AssertExactAsync(ws, reports, expectSomething: true);

        // Won then reopened: out of the links and the histogram; the median moves to the middle of 1, 3, 30.
        await ws.Http.MoveAsync(deals[0], s["Demo"]);
        win = (await ws.Http.GetJsonAsync("/api/v1/reports/win-rate"))["byPeriod"]!;
        Assert.Equal(3m, win.Series("medianDaysToClose").Last());
        Assert.Equal(3m, await LeadAsync("dealsWon", "referral"));
        await AssertExactAsync(ws, reports);

        // Links added and removed on won deals.
        await (await ws.Http.PutAsync($"/api/v1/deals/{deals[1]}/contacts/{cat}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await ws.Http.DeleteAsync($"/api/v1/deals/{deals[2]}/contacts/{bob}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(1m, await LeadAsync("dealsWon", "event"));
        await AssertExactAsync(ws, reports);

        // Channel, lifecycle, owner and the deal's amount and currency.
        await (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{bob}", new { source = "event", lifecycleStage = "customer", ownerId = rep.Id })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ws.Http.PatchJsonAsync($"/api/v1/deals/{deals[3]}", new { amount = 5, currency = "USD" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1m, await LeadAsync("becameCustomers", "event"));
        Assert.Equal(5m, await LeadAsync("revenue", "referral", "USD"));
        await AssertExactAsync(ws, reports);

        // Archive and restore of a won deal and of a contact; the deal handed over to another rep.
        await (await ws.Http.DeleteAsync($"/api/v1/deals/{deals[1]}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await ws.Http.DeleteAsync($"/api/v1/contacts/{ann}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await AssertExactAsync(ws, reports);
        await (await ws.Http.PostAsync($"/api/v1/deals/{deals[1]}/restore", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ws.Http.PostAsync($"/api/v1/contacts/{ann}/restore", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ws.Http.PostJsonAsync($"/api/v1/members/{rep.Id}/hand-over", new { toMemberId = other.Id })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await AssertExactAsync(ws, reports);

        // Merge moves the merged contact's links to the survivor; erase removes a contact and its links.
        await (await ws.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = cat, mergedIds = new[] { ann } })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await AssertExactAsync(ws, reports);
        await (await ws.Http.PostJsonAsync($"/api/v1/contacts/{bob}/erase", new { })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await AssertExactAsync(ws, reports);

        // A plain SQL change bypassing the application goes through the triggers too.
        await ScalarAsync<object>("UPDATE contacts SET source = 'phone' WHERE workspace_id = @ws", ws.Id);
        Assert.Equal(1m, await LeadAsync("contactsCreated", "phone"));
        await AssertExactAsync(ws, reports);
    }

    [Fact]
    public async Task Concurrent_writes_by_one_owner_on_one_day_all_count_and_none_waits_on_a_summary_row()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var now = _api.Clock.UtcNow;
        var deals = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ws.Http.DealAsync(pipeline, 100, "EUR", rep.Id)));

        await Task.WhenAll(
            Enumerable.Range(0, 24).Select(i => ws.Http.ActivityAsync(new { type = "call", subject = $"Call {i}", occurredAt = now.AddMinutes(-i), ownerId = rep.Id }))
                .Concat(deals.Select(d => ws.Http.MoveAsync(d, s["Won"]))));

        var activity = (await ws.Http.GetJsonAsync($"/api/v1/reports/activity?ownerId={rep.Id}"))["chart"]!;
        Assert.Equal(24m, activity.Series("calls", ownerId: rep.Id).Sum());
        Assert.Equal(8m, activity.Series("dealsWon", ownerId: rep.Id).Sum());
        Assert.Equal(8m, activity.Series("dealsCreated", ownerId: rep.Id).Sum());
        await AssertExactAsync(ws, Reports(pipeline));
    }

    [Fact]
    public async Task Compaction_folds_the_deltas_into_daily_and_monthly_totals_without_changing_a_figure()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var now = _api.Clock.UtcNow;
        var deal = await ws.Http.DealAsync(pipeline, 700, "EUR", rep.Id);
        await ws.Http.MoveAsync(deal, s["Won"]);
        await ws.Http.ActivityAsync(new { type = "note", subject = "Note", occurredAt = now.AddDays(-35), ownerId = rep.Id });
        var reports = Reports(pipeline);
        var before = await ReadAsync(ws, reports);

        await CompactAllAsync();
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM report_fact_deltas WHERE workspace_id = @ws", ws.Id));
        Assert.True(await ScalarAsync<long>("SELECT count(*) FROM report_facts WHERE workspace_id = @ws AND grain = 'm'", ws.Id) > 0);
        Assert.Equal(before, await ReadAsync(ws, reports));

        // New changes land as deltas on top of the totals; the sum is still the truth.
        await (await ws.Http.DeleteAsync($"/api/v1/deals/{deal}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var win = (await ws.Http.GetJsonAsync($"/api/v1/reports/win-rate?pipelineId={pipeline}"))["byPeriod"]!;
        Assert.Equal(0m, win.Series("won").Sum());
        await AssertExactAsync(ws, reports);
        // A total that came back to nothing is dropped.
        await CompactAllAsync();
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM report_facts WHERE workspace_id = @ws AND kind = 'deal_closed'", ws.Id));
    }

    [Fact]
    public async Task Summaries_are_isolated_per_workspace_by_row_level_security()
    {
        var ws = await _api.NewWorkspaceAsync();
        var other = await _api.NewWorkspaceAsync();
        await ws.Http.ActivityAsync(new { type = "call", subject = "Call", occurredAt = _api.Clock.UtcNow });
        await CompactAllAsync();

        await using var connection = new NpgsqlConnection(DatabaseRoles.From(_api.ConnectionString, null).Application);
        await connection.OpenAsync();
        async Task<long> VisibleAsync(Guid? workspace)
        {
            await using var set = new NpgsqlCommand($"SELECT set_config('app.workspace_id', '{workspace}', false)", connection);
            await set.ExecuteScalarAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM report_facts WHERE kind = 'activity'", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        Assert.Equal(2L, await VisibleAsync(ws.Id)); // the day and the month
        Assert.Equal(0L, await VisibleAsync(other.Id));
        Assert.Equal(0L, await VisibleAsync(null));
    }

    private static string[] Reports(params string[] pipelines)
    {
        var window = "from=2022-01-15&to=2030-02-10";
        var paths = new List<string>
        {
            "/api/v1/reports/forecast", $"/api/v1/reports/forecast?{window}", "/api/v1/reports/win-rate", $"/api/v1/reports/win-rate?{window}&interval=quarter",
            "/api/v1/reports/activity", $"/api/v1/reports/activity?{window}", "/api/v1/reports/lead-sources", "/api/v1/reports/overdue-tasks",
        };
        foreach (var p in pipelines)
        {
            paths.Add($"/api/v1/reports/funnel?pipelineId={p}");
            paths.Add($"/api/v1/reports/funnel?pipelineId={p}&{window}");
            paths.Add($"/api/v1/reports/win-rate?pipelineId={p}");
        }
        return [.. paths];
    }

    /// <summary>
    /// The summaries equal the facts from scratch, and stay so, with the reports reading the same, after compaction and
    /// after a rebuild (which computes its parts one after another, as the benchmark seed does side by side).
    /// </summary>
    private async Task AssertExactAsync(TestWorkspace ws, string[] reports, bool expectSomething = false)
    {
        Assert.Equal(0L, await ScalarAsync<long>("SELECT report_facts_drift(@ws)", ws.Id));
        var read = await ReadAsync(ws, reports);
        if (expectSomething) Assert.True(await ScalarAsync<long>("SELECT count(*) FROM report_facts_from_records(@ws)", ws.Id) > 0);

        await CompactAllAsync();
        Assert.Equal(0L, await ScalarAsync<long>("SELECT report_facts_drift(@ws)", ws.Id));
        Assert.Equal(read, await ReadAsync(ws, reports));

        await ScalarAsync<object>("SELECT report_facts_rebuild(@ws)", ws.Id);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT report_facts_drift(@ws)", ws.Id));
        Assert.Equal(read, await ReadAsync(ws, reports));
    }

    private static async Task<string[]> ReadAsync(TestWorkspace ws, string[] reports) =>
        await Task.WhenAll(reports.Select(async path => path + " " + (await ws.Http.GetJsonAsync(path)).ToJsonString()));

    private async Task CompactAllAsync()
    {
        var compaction = _api.Services.GetServices<IBackgroundWork>().OfType<ReportCompaction>().Single();
        while (await compaction.CompactAsync(CancellationToken.None) == ReportCompaction.Batch) { }
    }

    /// <summary>Runs SQL as the database owner (the functions checked here are the operator's, not the application's).</summary>
    private async Task<T> ScalarAsync<T>(string sql, Guid workspace)
    {
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ws", workspace);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
