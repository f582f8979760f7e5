using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>
/// Raises <c>task.overdue</c> once for each open task whose due time has passed, and <c>task.reminder</c> once when its
/// reminder time comes. The claim (stamping the task) and the event are one transaction: a host that dies half-way
/// leaves the task unstamped for the next scan, and two hosts never stamp the same task (FOR UPDATE SKIP LOCKED).
/// Moving the due (or reminder) time or reopening the task clears the stamp, so the event can come again.
/// </summary>
public sealed class TaskAlerts(IServiceScopeFactory scopes, TimeProvider clock) : IBackgroundWork
{
    private const int Batch = 200;

    private sealed record Claim(Guid WorkspaceId, Guid ActivityId);

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var overdue = await RaiseAsync(EventTypes.TaskOverdue, (db, now) => db.Database.SqlQuery<Claim>(
            $"""SELECT workspace_id AS "WorkspaceId", activity_id AS "ActivityId" FROM crm_claim_overdue_tasks({Batch}, {now})"""), ct);
        var reminders = await RaiseAsync(EventTypes.TaskReminder, (db, now) => db.Database.SqlQuery<Claim>(
            $"""SELECT workspace_id AS "WorkspaceId", activity_id AS "ActivityId" FROM crm_claim_task_reminders({Batch}, {now})"""), ct);
        return overdue || reminders;
    }

    private async Task<bool> RaiseAsync(string eventType, Func<CrmDbContext, DateTime, IQueryable<Claim>> claim, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var caller = scope.ServiceProvider.GetRequiredService<RequestContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claims = await claim(db, now).ToListAsync(ct);
        foreach (var workspace in claims.GroupBy(c => c.WorkspaceId))
        {
            caller.ActAsSystem(workspace.Key, []);
            var ids = workspace.Select(c => c.ActivityId).ToList();
            var tasks = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
            foreach (var task in tasks)
                db.Notify(Outbox.Notice(eventType, "activity", task.Id, task, now));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return claims.Count > 0;
    }
}
