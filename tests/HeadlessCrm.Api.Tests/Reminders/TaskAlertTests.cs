using HeadlessCrm.Api.Features.Reminders;
using HeadlessCrm.Api.Infrastructure.Background;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Reminders;

/// <summary>task.overdue and task.reminder: raised once when their time comes, again only after the task changes.</summary>
public sealed class TaskAlertTests : IClassFixture<ClockedCrmApi>
{
    private readonly ClockedCrmApi _api;

    public TaskAlertTests(ClockedCrmApi api)
    {
        _api = api;
        api.Clock.Reset();
    }

    private async Task<(TestWorkspace Ws, WebhookReceiver Receiver)> SubscribedAsync()
    {
        var ws = await _api.NewWorkspaceAsync();
        var receiver = await WebhookReceiver.StartAsync();
        await ws.Http.CreateAsync("/api/v1/webhooks", new { targetUrl = receiver.Url, eventTypes = new[] { "task.overdue", "task.reminder" } });
        return (ws, receiver);
    }

    private static List<JsonNode> Events(WebhookReceiver receiver, string type, string taskId) =>
        receiver.Requests.Select(r => JsonNode.Parse(r.Body)!)
            .Where(e => e["type"]!.GetValue<string>() == type && e["data"]!["record"]!["id"]!.GetValue<string>() == taskId).ToList();

    /// <summary>Runs the scheduler as several hosts would: many passes at once, beside the host's own runner.</summary>
    private async Task RunSchedulersAsync(int concurrent = 4)
    {
        var alerts = _api.Services.GetServices<IBackgroundWork>().OfType<TaskAlerts>().Single();
        await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => Task.Run(() => alerts.RunOnceAsync(CancellationToken.None))));
    }

    private static async Task SettleAsync(WebhookReceiver receiver, int expected, Func<WebhookReceiver.Received, bool> where)
    {
        if (expected > 0) await receiver.WaitForAsync(expected, where: where);
        await Task.Delay(1500);
    }

    [Fact]
    public async Task An_overdue_task_raises_task_overdue_exactly_once_however_many_schedulers_run()
    {
        var (ws, receiver) = await SubscribedAsync();
        await using var _ = receiver;
        var task = await ws.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Send the quote", dueAt = _api.Clock.UtcNow.AddHours(1) });

        await RunSchedulersAsync();
        await SettleAsync(receiver, 0, _ => true);
        Assert.Empty(Events(receiver, "task.overdue", task.Id()));

        _api.Clock.Advance(TimeSpan.FromHours(2));
        await RunSchedulersAsync();
        await RunSchedulersAsync();
        await SettleAsync(receiver, 1, r => r.Body.Contains("task.overdue"));

        var overdue = Assert.Single(Events(receiver, "task.overdue", task.Id()));
        Assert.Equal("Send the quote", overdue["data"]!["record"]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Raising_an_alert_leaves_the_tasks_version_alone()
    {
        var (ws, receiver) = await SubscribedAsync();
        await using var _ = receiver;
        var task = await ws.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Edit me", dueAt = _api.Clock.UtcNow.AddMinutes(5) });
        var etag = (await ws.Http.GetAsync($"/api/v1/activities/{task.Id()}")).Headers.ETag!.Tag;

        _api.Clock.Advance(TimeSpan.FromMinutes(10));
        await RunSchedulersAsync();
        await SettleAsync(receiver, 1, r => r.Body.Contains(task.Id()));

        var edit = await ws.Http.PatchJsonAsync($"/api/v1/activities/{task.Id()}", new { subject = "Edited while overdue" }, ifMatch: etag);
        await edit.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Moving_the_due_time_makes_the_task_overdue_again_and_completing_it_stops_that()
    {
        var (ws, receiver) = await SubscribedAsync();
        await using var _ = receiver;
        var task = await ws.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Follow up", dueAt = _api.Clock.UtcNow.AddMinutes(30) });
        _api.Clock.Advance(TimeSpan.FromHours(1));
        await RunSchedulersAsync();
        await SettleAsync(receiver, 1, r => r.Body.Contains(task.Id()));

        (await ws.Http.PatchJsonAsync($"/api/v1/activities/{task.Id()}", new { dueAt = _api.Clock.UtcNow.AddMinutes(30) })).EnsureSuccessStatusCode();
        await RunSchedulersAsync();
        await Task.Delay(500);
        Assert.Single(Events(receiver, "task.overdue", task.Id()));

        _api.Clock.Advance(TimeSpan.FromHours(1));
        await RunSchedulersAsync();
        await SettleAsync(receiver, 2, r => r.Body.Contains(task.Id()));
        Assert.Equal(2, Events(receiver, "task.overdue", task.Id()).Count);

        var done = await ws.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Done in time", dueAt = _api.Clock.UtcNow.AddMinutes(10) });
        (await ws.Http.PatchJsonAsync($"/api/v1/activities/{done.Id()}", new { completedAt = _api.Clock.UtcNow })).EnsureSuccessStatusCode();
        _api.Clock.Advance(TimeSpan.FromHours(1));
        await RunSchedulersAsync();
        await SettleAsync(receiver, 0, _ => true);
        Assert.Empty(Events(receiver, "task.overdue", done.Id()));
    }

    [Fact]
    public async Task A_reminder_is_raised_once_at_its_time_and_again_when_the_task_is_reopened()
    {
        var (ws, receiver) = await SubscribedAsync();
        await using var _ = receiver;
        var task = await ws.Http.CreateAsync("/api/v1/activities", new
        {
            type = "task", subject = "Renewal call", reminderAt = _api.Clock.UtcNow.AddMinutes(10), dueAt = _api.Clock.UtcNow.AddDays(1),
        });
        await RunSchedulersAsync();
        await SettleAsync(receiver, 0, _ => true);
        Assert.Empty(Events(receiver, "task.reminder", task.Id()));

        _api.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunSchedulersAsync();
        await SettleAsync(receiver, 1, r => r.Body.Contains(task.Id()));
        Assert.Single(Events(receiver, "task.reminder", task.Id()));
        Assert.Empty(Events(receiver, "task.overdue", task.Id()));

        (await ws.Http.PatchJsonAsync($"/api/v1/activities/{task.Id()}", new { completedAt = _api.Clock.UtcNow })).EnsureSuccessStatusCode();
        (await ws.Http.PatchJsonAsync($"/api/v1/activities/{task.Id()}", new { completedAt = (DateTime?)null })).EnsureSuccessStatusCode();
        await RunSchedulersAsync();
        await SettleAsync(receiver, 2, r => r.Body.Contains(task.Id()));
        Assert.Equal(2, Events(receiver, "task.reminder", task.Id()).Count);
    }

    [Fact]
    public async Task A_manager_sees_their_reps_overdue_tasks_and_another_rep_does_not()
    {
        var ws = await _api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("Field sales");
        var manager = await ws.MemberAsync("manager", team);
        var rep = await ws.MemberAsync("rep", team);
        var otherRep = await ws.MemberAsync("rep", team);
        var late = await rep.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Late", dueAt = DateTime.UtcNow.AddHours(-1) });
        await rep.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Not yet", dueAt = DateTime.UtcNow.AddDays(3) });

        var managerSees = (await manager.Http.GetJsonAsync($"/api/v1/activities?overdue=true&ownerId={rep.Id}")).Data();
        Assert.Equal([late.Id()], managerSees.Select(a => a!.Id()));
        Assert.Empty((await otherRep.Http.GetJsonAsync("/api/v1/activities?overdue=true")).Data());
        Assert.Equal([late.Id()], (await rep.Http.GetJsonAsync("/api/v1/activities?overdue=true")).Data().Select(a => a!.Id()));
    }

    [Fact]
    public async Task The_overdue_list_follows_the_hosts_clock()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var task = await rep.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Send quote", dueAt = _api.Clock.UtcNow.AddDays(2) });
        Assert.Empty((await rep.Http.GetJsonAsync("/api/v1/activities?overdue=true")).Data());

        _api.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal([task.Id()], (await rep.Http.GetJsonAsync("/api/v1/activities?overdue=true")).Data().Select(a => a!.Id()));
        Assert.Equal([task.Id()], (await (await rep.Http.PostJsonAsync("/api/v1/activities/search", new { filter = new { field = "overdue", value = true } })).JsonAsync())
            .Data().Select(a => a!.Id()));
    }
}
