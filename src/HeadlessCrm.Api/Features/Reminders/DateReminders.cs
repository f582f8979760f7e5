using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>
/// When a record's date (a birthday, a contract end) comes within a rule's days-before window, gives the record's owner
/// a task and raises <c>date_reminder.due</c> — once per (rule, record, occurrence): the firing row's key decides, in the
/// transaction that makes the task, so hosts scanning at once or a scan repeated after a crash make no second task.
/// </summary>
public sealed class DateReminders(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock) : IBackgroundWork
{
    private const int Batch = 20;

    private sealed record Claim(Guid WorkspaceId, Guid RuleId);

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = await db.Database.SqlQuery<Claim>(
                $"""SELECT workspace_id AS "WorkspaceId", rule_id AS "RuleId" FROM crm_claim_date_reminder_rules({Batch}, {now}, {options.Value.DateScanInterval})""")
            .ToListAsync(ct);
        foreach (var claim in claims) await ScanAsync(claim, now, ct);
        return claims.Count > 0;
    }

    private async Task ScanAsync(Claim claim, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        scope.ServiceProvider.GetRequiredService<RequestContext>().ActAsSystem(claim.WorkspaceId, []);
        var rule = await db.Set<DateReminderRule>().AsNoTracking().SingleAsync(r => r.Id == claim.RuleId, ct);
        var today = DateOnly.FromDateTime(now);
        var due = (await DatedRecords.LoadAsync(db, rule, ct))
            .Select(r => (Record: r, Occurrence: DateOccurrence.Due(r.Date, rule.DaysBefore, rule.Yearly, today)))
            .Where(x => x.Occurrence is not null)
            .ToList();
        if (due.Count == 0) return;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (record, occurrence) in due)
        {
            var task = TaskFor(rule, record, occurrence!.Value);
            var fired = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO date_reminder_firings (workspace_id, rule_id, record_id, occurs_on, task_id, fired_at)
                VALUES ({claim.WorkspaceId}, {rule.Id}, {record.Id}, {occurrence.Value}, {task.Id}, {now})
                ON CONFLICT DO NOTHING
                """, ct);
            if (fired == 0) continue;
            db.Activities.Add(task);
            db.Notify(Outbox.Notice(EventTypes.DateReminderDue, "activity", task.Id, task, now, new JsonObject
            {
                ["ruleId"] = rule.Id.ToString(),
                ["recordType"] = rule.RecordType,
                ["recordId"] = record.Id.ToString(),
                ["field"] = rule.Field,
                ["occursOn"] = occurrence.Value.ToString("yyyy-MM-dd"),
            }));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private Activity TaskFor(DateReminderRule rule, DatedRecords.Dated record, DateOnly occurrence)
    {
        var task = new Activity
        {
            Type = ActivityType.Task,
            Subject = Subject(rule, record, occurrence),
            DueAt = occurrence.ToDateTime(TimeOnly.FromTimeSpan(options.Value.TaskDueTimeOfDay), DateTimeKind.Utc),
            OwnerId = record.OwnerId,
            CustomFields = [],
        };
        if (rule.RecordType == "contact") task.ContactId = record.Id;
        if (rule.RecordType == "company") task.CompanyId = record.Id;
        if (rule.RecordType == "deal") task.DealId = record.Id;
        return task;
    }

    private static string Subject(DateReminderRule rule, DatedRecords.Dated record, DateOnly occurrence)
    {
        var subject = rule.SubjectTemplate
            .Replace("{name}", record.Name, StringComparison.Ordinal)
            .Replace("{date}", occurrence.ToString("yyyy-MM-dd"), StringComparison.Ordinal)
            .Replace("{field}", rule.Field, StringComparison.Ordinal);
        return subject.Length <= 500 ? subject : subject[..500];
    }
}
