using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>
/// Raises <c>task.overdue</c> once when an open task's due time passes and <c>task.reminder</c> once when its reminder
/// time comes. A trigger keeps the queue of alerts to come (re-armed when the time moves or the task is reopened); a
/// claim deletes due rows (FOR UPDATE SKIP LOCKED) in the transaction that writes their events, so two hosts never
/// raise the same alert and a host that dies half-way leaves the rows for the next scan.
/// </summary>
public sealed class TaskAlerts(IServiceScopeFactory scopes, TimeProvider clock) : IBackgroundWork
{
    private const int Batch = 200;

    private sealed record Claim(Guid WorkspaceId, Guid ActivityId, string Kind);

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var caller = scope.ServiceProvider.GetRequiredService<RequestContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claims = await db.Database.SqlQuery<Claim>(
                $"""SELECT workspace_id AS "WorkspaceId", activity_id AS "ActivityId", kind AS "Kind" FROM crm_claim_task_alerts({Batch}, {now})""")
            .ToListAsync(ct);
        foreach (var workspace in claims.GroupBy(c => c.WorkspaceId))
        {
            caller.ActAsSystem(workspace.Key, []);
            var ids = workspace.Select(c => c.ActivityId).Distinct().ToList();
            var tasks = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            // A task erased since it was queued has nothing left to announce.
            foreach (var claim in workspace.Where(c => tasks.ContainsKey(c.ActivityId)))
                db.Notify(Outbox.Notice(claim.Kind == "overdue" ? EventTypes.TaskOverdue : EventTypes.TaskReminder, "activity",
                    claim.ActivityId, tasks[claim.ActivityId], now));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return claims.Count > 0;
    }
}
