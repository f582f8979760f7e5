using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Automation;

/// <summary>A rule's actions on the event's record, staged on the DbContext for the run's one save.</summary>
public sealed class RuleActions(CrmDbContext db, RuleFields fields, TimeProvider clock)
{
    public async Task ApplyAsync(AutomationRule rule, OutboxEvent e, CancellationToken ct)
    {
        var record = await LoadAsync(e.RecordType, e.RecordId, ct);
        if (record is null || record.ArchivedAt is not null) return;
        foreach (var action in rule.Actions)
        {
            switch (action.Type)
            {
                case RuleAction.CreateTask:
                    db.Activities.Add(TaskOn(record, action));
                    break;
                case RuleAction.AddTag when !record.Tags.Contains(RuleCheck.NormaliseTags([action.Tag!])[0]):
                    record.Tags = RuleCheck.NormaliseTags([.. record.Tags, action.Tag!]);
                    break;
                case RuleAction.AssignOwner:
                    record.OwnerId = await OwnerAsync(rule, action, ct) ?? record.OwnerId;
                    break;
                case RuleAction.SetField:
                    await fields.SetAsync(record, RuleFields.ObjectOf(e.RecordType)!, action, ct);
                    break;
                case RuleAction.EmitEvent:
                    db.Notify(AutomationFired.Of(rule, action, e, clock.GetUtcNow().UtcDateTime));
                    break;
            }
        }
    }

    private Task<TaggedRecord?> LoadAsync(string recordType, Guid id, CancellationToken ct) => recordType switch
    {
        "contact" => db.Contacts.Where(r => r.Id == id).Cast<TaggedRecord>().SingleOrDefaultAsync(ct),
        "company" => db.Companies.Where(r => r.Id == id).Cast<TaggedRecord>().SingleOrDefaultAsync(ct),
        "deal" => db.Deals.Where(r => r.Id == id).Cast<TaggedRecord>().SingleOrDefaultAsync(ct),
        "activity" => db.Activities.Where(r => r.Id == id).Cast<TaggedRecord>().SingleOrDefaultAsync(ct),
        _ => Task.FromResult<TaggedRecord?>(null),
    };

    /// <summary>A task on the record (for an activity: on what that activity is linked to), for the record's owner.</summary>
    private Activity TaskOn(TaggedRecord record, RuleAction action)
    {
        var task = new Activity
        {
            Type = ActivityType.Task,
            Subject = action.Subject,
            DueAt = clock.GetUtcNow().UtcDateTime.AddDays(action.DueInDays ?? 0),
            OwnerId = record.OwnerId,
            CustomFields = [],
        };
        switch (record)
        {
            case Contacts.Contact c: task.ContactId = c.Id; break;
            case Companies.Company c: task.CompanyId = c.Id; break;
            case Deals.Deal d: task.DealId = d.Id; break;
            case Activity a:
                (task.ContactId, task.CompanyId, task.DealId) = (a.ContactId, a.CompanyId, a.DealId);
                break;
        }
        return task;
    }

    /// <summary>The fixed owner if still a member; else the team's next member in turn (the turn is kept on the rule row).</summary>
    private async Task<Guid?> OwnerAsync(AutomationRule rule, RuleAction action, CancellationToken ct)
    {
        if (action.OwnerId is { } owner)
            return await db.Members.AnyAsync(m => m.Id == owner && m.ArchivedAt == null, ct) ? owner : null;
        var team = await db.Members.Where(m => m.TeamId == action.TeamId && m.ArchivedAt == null).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        if (team.Count == 0) return null;
        var turn = await db.Database.SqlQuery<int>(
                $"UPDATE automation_rules SET round_robin_next = round_robin_next + 1 WHERE workspace_id = {rule.WorkspaceId} AND id = {rule.Id} RETURNING round_robin_next - 1 AS \"Value\"")
            .ToListAsync(ct);
        return team[turn.Single() % team.Count];
    }
}
