using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Automation;

/// <summary>
/// Runs the workspace's rules on events from the outbox. Each (rule, event) runs once: its run row is inserted in the
/// transaction of its actions, so a repeat (another host, a reclaimed batch) finds it. Events at the depth limit fire
/// no rules, so rules that set each other off stop.
/// </summary>
public sealed partial class RuleRunner(
    IServiceScopeFactory scopes, IOptions<AutomationOptions> options, TimeProvider clock, ILogger<RuleRunner> log) : IBackgroundWork
{
    private const int Batch = 100;

    private sealed record Claim(Guid WorkspaceId, Guid EventId);

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var caller = scope.ServiceProvider.GetRequiredService<RequestContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = await db.Database.SqlQuery<Claim>(
                $"""SELECT workspace_id AS "WorkspaceId", event_id AS "EventId" FROM crm_claim_rule_events({Batch}, {now}, {options.Value.ClaimLease})""")
            .ToListAsync(ct);
        foreach (var workspace in claims.GroupBy(c => c.WorkspaceId))
        {
            caller.ActAsSystem(workspace.Key, []);
            var ids = workspace.Select(c => c.EventId).ToArray();
            var rules = await db.Set<AutomationRule>().AsNoTracking().Where(r => r.ArchivedAt == null).ToListAsync(ct);
            if (rules.Count > 0)
            {
                var events = await db.OutboxEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.OccurredAt).ToListAsync(ct);
                foreach (var e in events.Where(e => e.Depth < options.Value.MaxDepth))
                foreach (var rule in rules.Where(r => RuleTrigger.Fires(r, e)))
                {
                    try
                    {
                        await RunAsync(rule, e, ct);
                    }
                    catch (Exception failure) when (failure is not OperationCanceledException)
                    {
                        // One rule that cannot act (its record broke a rule since) must not hold up every other event.
                        LogFailure(log, failure, rule.Id, e.Id);
                    }
                }
            }
            await db.Database.ExecuteSqlAsync(
                $"UPDATE outbox_events SET rules_applied_at = {now} WHERE workspace_id = {workspace.Key} AND id = ANY({ids})", ct);
        }
        return claims.Count > 0;
    }

    private async Task RunAsync(AutomationRule rule, OutboxEvent e, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        scope.ServiceProvider.GetRequiredService<RequestContext>().ActAsSystem(e.WorkspaceId, [], e.Depth + 1);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var first = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO automation_runs (workspace_id, rule_id, event_id, ran_at)
            VALUES ({e.WorkspaceId}, {rule.Id}, {e.Id}, {clock.GetUtcNow().UtcDateTime}) ON CONFLICT DO NOTHING
            """, ct);
        if (first == 0) return;
        await scope.ServiceProvider.GetRequiredService<RuleActions>().ApplyAsync(rule, e, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automation rule {RuleId} failed on event {EventId}; skipped.")]
    private static partial void LogFailure(ILogger logger, Exception exception, Guid ruleId, Guid eventId);
}
