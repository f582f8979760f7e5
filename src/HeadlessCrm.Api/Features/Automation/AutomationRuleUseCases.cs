using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Automation;

/// <summary>A workspace's automation rules (an admin's setting).</summary>
public sealed class AutomationRuleUseCases(CrmDbContext db, RequestContext caller, RuleFields fields, TimeProvider clock)
{
    private const int MaxActions = 10;

    public async Task<IReadOnlyList<AutomationRuleDto>> ListAsync(CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var rules = await db.Set<AutomationRule>().AsNoTracking().Where(r => r.ArchivedAt == null).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return rules.Select(Map).ToList();
    }

    public async Task<AutomationRuleDto> CreateAsync(AutomationRuleInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var trigger = input.Trigger ?? new RuleTriggerInput();
        var actions = input.Actions ?? [];
        var check = new RuleCheck()
            .Required(input.Name, "name")
            .Text(input.Name, "name", 200)
            .Must(trigger.EventType is not null && EventTypes.All.Contains(trigger.EventType), "trigger.eventType",
                $"One of: {string.Join(", ", EventTypes.All)}.")
            .Must((trigger.Field is null) == (trigger.EqualTo is null), "trigger.equalTo", "Give field and equalTo together.")
            .Text(trigger.Field, "trigger.field", 100)
            .Text(trigger.EqualTo, "trigger.equalTo", 500)
            .Must(actions.Length is > 0 and <= MaxActions, "actions", $"From 1 to {MaxActions} actions.");
        for (var i = 0; i < actions.Length; i++) CheckAction(check, actions[i], $"actions[{i}]");
        check.ThrowIfBroken();
        await EnsureReferencesAsync(actions, ct);
        for (var i = 0; i < actions.Length; i++)
        {
            if (actions[i].Type == RuleAction.SetField)
                actions[i] = actions[i] with { Value = await fields.CheckAsync(RuleFields.ObjectOf(trigger.EventType!), actions[i], $"actions[{i}]", ct) };
        }

        var rule = new AutomationRule
        {
            Name = input.Name!.Trim(),
            TriggerEvent = trigger.EventType!,
            TriggerField = trigger.Field,
            TriggerEquals = trigger.EqualTo,
            Actions = [.. actions],
        };
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return Map(rule);
    }

    public async Task ArchiveAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var rule = await db.Set<AutomationRule>().SingleOrDefaultAsync(r => r.Id == id && r.ArchivedAt == null, ct)
            ?? throw new RecordNotFoundException("automation rule", id);
        rule.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static void CheckAction(RuleCheck check, RuleAction? action, string field)
    {
        check.Must(action is not null && RuleAction.Types.Contains(action.Type), $"{field}.type", $"One of: {string.Join(", ", RuleAction.Types)}.");
        switch (action?.Type)
        {
            case RuleAction.CreateTask:
                check.Must(!string.IsNullOrWhiteSpace(action.Subject), $"{field}.subject", "A task needs a subject.")
                    .Text(action.Subject, $"{field}.subject", 500)
                    .Must(action.DueInDays is null or >= 0 and <= 365, $"{field}.dueInDays", "From 0 to 365.");
                break;
            case RuleAction.AssignOwner:
                check.Must(action.OwnerId is null ^ action.TeamId is null, $"{field}.ownerId", "Give ownerId, or teamId for round-robin.");
                break;
            case RuleAction.AddTag:
                check.Must(!string.IsNullOrWhiteSpace(action.Tag), $"{field}.tag", "A tag.").Tags(action.Tag is null ? [] : [action.Tag], $"{field}.tag");
                break;
            case RuleAction.SetField:
                check.Must(!string.IsNullOrWhiteSpace(action.Field), $"{field}.field", "The field to set.")
                    .Must(action.Value is not null, $"{field}.value", "The value to set.");
                break;
            case RuleAction.EmitEvent:
                check.Must(!string.IsNullOrWhiteSpace(action.Name), $"{field}.name", "A name for the event.")
                    .Text(action.Name, $"{field}.name", 100);
                break;
        }
    }

    private async Task EnsureReferencesAsync(RuleAction[] actions, CancellationToken ct)
    {
        for (var i = 0; i < actions.Length; i++)
        {
            if (actions[i].OwnerId is { } owner && !await db.Members.AnyAsync(m => m.Id == owner && m.ArchivedAt == null, ct))
                throw new RuleViolationException($"actions[{i}].ownerId", "Not a member of this workspace.");
            if (actions[i].TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
                throw new RuleViolationException($"actions[{i}].teamId", "Not a team of this workspace.");
        }
    }

    private static AutomationRuleDto Map(AutomationRule r) =>
        new(r.Id, r.Name, new RuleTriggerInput(r.TriggerEvent, r.TriggerField, r.TriggerEquals), r.Actions, r.CreatedAt, r.UpdatedAt);
}
