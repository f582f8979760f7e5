using HeadlessCrm.Api.Features.Reminders;
using HeadlessCrm.Api.Infrastructure.Background;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Reminders;

/// <summary>Important dates: a task for the record's owner N days ahead, once per occurrence, every year for birthdays.</summary>
public sealed class DateReminderTests : IClassFixture<ClockedCrmApi>
{
    private readonly ClockedCrmApi _api;

    public DateReminderTests(ClockedCrmApi api)
    {
        _api = api;
        api.Clock.Reset();
    }

    private async Task ScanAsync()
    {
        var reminders = _api.Services.GetServices<IBackgroundWork>().OfType<DateReminders>().Single();
        await Task.WhenAll(reminders.RunOnceAsync(CancellationToken.None), reminders.RunOnceAsync(CancellationToken.None));
    }

    /// <summary>The tasks linked to a record once the scans (this test's and the host's own) have settled.</summary>
    private static async Task<JsonArray> TasksAsync(HttpClient http, string link, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonArray tasks;
        do
        {
            await Task.Delay(200);
            tasks = (await http.GetJsonAsync($"/api/v1/activities?type=task&{link}")).Data();
        } while (tasks.Count < expected && DateTime.UtcNow < deadline);
        await Task.Delay(500);
        return (await http.GetJsonAsync($"/api/v1/activities?type=task&{link}&sort=dueAt")).Data();
    }

    [Fact]
    public async Task A_birthday_gives_the_owner_a_task_days_before_once_a_year()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var today = DateOnly.FromDateTime(_api.Clock.UtcNow);
        var birthday = today.AddDays(5);
        var contact = await rep.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Ada", lastName = "Lovelace", birthday = new DateOnly(1990, birthday.Month, Math.Min(birthday.Day, 28)).ToString("yyyy-MM-dd"),
        });
        var occurs = new DateOnly(today.Year, birthday.Month, Math.Min(birthday.Day, 28));
        if (occurs < today) occurs = occurs.AddYears(1);
        await ws.Http.CreateAsync("/api/v1/date-reminders", new { @object = "contacts", field = "birthday", daysBefore = 3, subjectTemplate = "Congratulate {name} ({date})" });

        await ScanAsync();
        Assert.Empty(await TasksAsync(rep.Http, $"contactId={contact.Id()}", 0));

        _api.Clock.Advance(occurs.AddDays(-3).ToDateTime(TimeOnly.MinValue) - _api.Clock.UtcNow.Date + TimeSpan.FromHours(1));
        await ScanAsync();
        var first = Assert.Single(await TasksAsync(rep.Http, $"contactId={contact.Id()}", 1));
        Assert.Equal($"Congratulate Ada Lovelace ({occurs:yyyy-MM-dd})", first!["subject"]!.GetValue<string>());
        Assert.Equal(rep.Id, first["ownerId"]!.GetValue<string>());
        Assert.Equal(occurs.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), first["dueAt"]!.GetValue<DateTime>().ToUniversalTime());

        _api.Clock.Advance(TimeSpan.FromDays(1));
        await ScanAsync();
        Assert.Single(await TasksAsync(rep.Http, $"contactId={contact.Id()}", 1));

        _api.Clock.Advance(TimeSpan.FromDays(365));
        await ScanAsync();
        var both = await TasksAsync(rep.Http, $"contactId={contact.Id()}", 2);
        Assert.Equal([$"Congratulate Ada Lovelace ({occurs:yyyy-MM-dd})", $"Congratulate Ada Lovelace ({occurs.AddYears(1):yyyy-MM-dd})"],
            both.Select(t => t!["subject"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_custom_contract_end_date_on_a_deal_reminds_its_owner_once()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var pipeline = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!;
        var contractEnd = DateOnly.FromDateTime(_api.Clock.UtcNow).AddDays(20);
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "deals", key = "contractEnd", label = "Contract end", type = "date" });
        var deal = await rep.Http.CreateAsync("/api/v1/deals", new
        {
            title = "Acme renewal", pipelineId = pipeline.Id(), customFields = new { contractEnd = contractEnd.ToString("yyyy-MM-dd") },
        });
        var noDate = await rep.Http.CreateAsync("/api/v1/deals", new { title = "No date", pipelineId = pipeline.Id() });
        await ws.Http.CreateAsync("/api/v1/date-reminders", new { @object = "deals", field = "customFields.contractEnd", daysBefore = 30 });

        await ScanAsync();
        var task = Assert.Single(await TasksAsync(rep.Http, $"dealId={deal.Id()}", 1));
        Assert.Equal($"customFields.contractEnd of Acme renewal on {contractEnd:yyyy-MM-dd}", task!["subject"]!.GetValue<string>());
        Assert.Equal(rep.Id, task["ownerId"]!.GetValue<string>());
        Assert.Empty(await TasksAsync(rep.Http, $"dealId={noDate.Id()}", 0));

        _api.Clock.Advance(TimeSpan.FromDays(2));
        await ScanAsync();
        Assert.Single(await TasksAsync(rep.Http, $"dealId={deal.Id()}", 1));
    }

    [Fact]
    public async Task A_rule_on_an_unknown_object_or_a_field_that_is_no_date_is_refused()
    {
        var ws = await _api.NewWorkspaceAsync();
        await (await ws.Http.PostJsonAsync("/api/v1/date-reminders", new { @object = "tickets", field = "birthday" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "object");
        await (await ws.Http.PostJsonAsync("/api/v1/date-reminders", new { @object = "contacts", field = "firstName" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "field");
        await (await ws.Http.PostJsonAsync("/api/v1/date-reminders", new { @object = "deals", field = "expectedCloseDate", daysBefore = 400 }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "daysBefore");
        var rep = await ws.MemberAsync("rep");
        await (await rep.Http.PostJsonAsync("/api/v1/date-reminders", new { @object = "contacts", field = "birthday" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
