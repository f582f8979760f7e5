namespace HeadlessCrm.Api.Tests.Activities;

public sealed class ActivityTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_call_is_logged_with_direction_duration_outcome_and_recording()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Caller" });
        var call = await ws.Http.CreateAsync("/api/v1/activities", new
        {
            type = "call",
            subject = "Discovery call",
            direction = "outbound",
            durationSeconds = 1260,
            outcome = "connected",
            recordingUrl = "https://recordings.example/abc.mp3",
            occurredAt = "2026-11-02T14:30:00+01:00",
            contactId = contact.Id(),
        });
        Assert.Equal("2026-11-02T13:30:00Z", call["occurredAt"]!.GetValue<string>());
        Assert.Equal(1260, call["durationSeconds"]!.GetValue<int>());
        Assert.Equal(call["occurredAt"]!.GetValue<string>(), call["timelineAt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2026-11-02T13:30:00Z", "2026-11-02T13:30:00Z")]
    [InlineData("2026-11-02T13:30:00.5Z", "2026-11-02T13:30:00.5Z")]
    [InlineData("2026-11-02T13:30:00.120000Z", "2026-11-02T13:30:00.12Z")]
    [InlineData("2026-11-02T13:30:00.000001Z", "2026-11-02T13:30:00.000001Z")]
    [InlineData("2026-11-02T23:59:59.999999-02:00", "2026-11-03T01:59:59.999999Z")]
    public async Task Timestamps_come_back_in_UTC_to_the_microsecond_without_trailing_zeros(string sent, string expected)
    {
        var ws = await api.NewWorkspaceAsync();
        var created = await ws.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "At a moment", occurredAt = sent });
        Assert.Equal(expected, created["occurredAt"]!.GetValue<string>());
        var read = await ws.Http.GetJsonAsync($"/api/v1/activities/{created.Id()}");
        Assert.Equal(expected, read["occurredAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_note_without_a_time_happened_now()
    {
        var ws = await api.NewWorkspaceAsync();
        var before = DateTime.UtcNow.AddSeconds(-5);
        var note = await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "Prefers email." });
        Assert.InRange(note["occurredAt"]!.GetValue<DateTime>().ToUniversalTime(), before, DateTime.UtcNow.AddSeconds(5));
    }

    [Theory]
    [InlineData("note", "dueAt")]
    [InlineData("email", "durationSeconds")]
    [InlineData("meeting", "recordingUrl")]
    [InlineData("note", "direction")]
    public async Task Fields_of_other_activity_types_are_refused(string type, string field)
    {
        var ws = await api.NewWorkspaceAsync();
        var body = new Dictionary<string, object> { ["type"] = type, ["subject"] = "x" };
        body[field] = field switch
        {
            "dueAt" => "2027-01-01T00:00:00Z",
            "durationSeconds" => 60,
            "recordingUrl" => "https://r.example/x",
            _ => "inbound",
        };
        var response = await ws.Http.PostJsonAsync("/api/v1/activities", body);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task Tasks_are_listed_as_overdue_open_or_completed()
    {
        var ws = await api.NewWorkspaceAsync();
        var overdue = await ws.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Late", dueAt = DateTime.UtcNow.AddDays(-1) });
        var upcoming = await ws.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Soon", dueAt = DateTime.UtcNow.AddDays(2) });
        var done = await ws.Http.CreateAsync("/api/v1/activities", new { type = "task", subject = "Done", dueAt = DateTime.UtcNow.AddDays(-3) });
        await (await ws.Http.PatchJsonAsync($"/api/v1/activities/{done.Id()}", new { completedAt = DateTime.UtcNow })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "not a task" });

        Assert.Equal([overdue.Id()], (await ws.Http.GetJsonAsync("/api/v1/activities?overdue=true")).Data().Select(a => a!.Id()));
        Assert.Equal([done.Id()], (await ws.Http.GetJsonAsync("/api/v1/activities?completed=true")).Data().Select(a => a!.Id()));
        var dueSoon = (await ws.Http.GetJsonAsync($"/api/v1/activities?type=task&completed=false&dueAfter={DateTime.UtcNow:O}")).Data();
        Assert.Equal([upcoming.Id()], dueSoon.Select(a => a!.Id()));
    }

    [Fact]
    public async Task An_activitys_type_cannot_change()
    {
        var ws = await api.NewWorkspaceAsync();
        var note = await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "x" });
        var response = await ws.Http.PatchJsonAsync($"/api/v1/activities/{note.Id()}", new { type = "call" });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "type");
    }

    [Fact]
    public async Task A_reminder_after_the_due_time_is_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/activities", new
        {
            type = "task", subject = "Call back", dueAt = "2027-01-01T10:00:00Z", reminderAt = "2027-01-01T11:00:00Z",
        });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reminderAt");
    }
}
