using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>
/// Takes events from the outbox and makes a delivery for each subscription that wants them. Safe to repeat: a
/// (subscription, event) pair gets one delivery however often it is fanned out (a host that died half-way).
/// </summary>
public sealed class WebhookFanOut(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock) : IBackgroundWork
{
    private const int Batch = 200;

    private sealed record Claim(Guid WorkspaceId, Guid EventId);

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var caller = scope.ServiceProvider.GetRequiredService<RequestContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = await db.Database.SqlQuery<Claim>(
                $"""SELECT workspace_id AS "WorkspaceId", event_id AS "EventId" FROM crm_claim_outbox({Batch}, {now}, {options.Value.ClaimLease})""")
            .ToListAsync(ct);
        foreach (var workspace in claims.GroupBy(c => c.WorkspaceId))
        {
            caller.ActAsSystem(workspace.Key, []);
            var ids = workspace.Select(c => c.EventId).ToList();
            var events = await db.OutboxEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
            var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking()
                .Where(s => s.ArchivedAt == null && s.Status == WebhookSubscription.Active).ToListAsync(ct);
            var pairs = events.SelectMany(e => subscriptions.Where(s => Wants(s, e)).Select(s => (Subscription: s.Id, Event: e.Id))).ToList();
            if (pairs.Count > 0)
            {
                var subscriptionIds = pairs.Select(p => p.Subscription).ToArray();
                var eventIds = pairs.Select(p => p.Event).ToArray();
                var deliveryIds = pairs.Select(_ => Guid.CreateVersion7()).ToArray();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO webhook_deliveries (workspace_id, id, subscription_id, event_id, status, next_attempt_at, created_at, updated_at)
                    SELECT {workspace.Key}, d, s, e, 'pending', {now}, {now}, {now} FROM unnest({deliveryIds}, {subscriptionIds}, {eventIds}) AS x(d, s, e)
                    ON CONFLICT (workspace_id, subscription_id, event_id) DO NOTHING
                    """, ct);
            }
            await db.OutboxEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.FannedOutAt, now), ct);
        }
        return claims.Count > 0;
    }

    /// <summary>The event's type is wanted, and it passes the subscription's pipeline and owner filters.</summary>
    public static bool Wants(WebhookSubscription subscription, OutboxEvent e)
    {
        if (!subscription.EventTypes.Contains("*") && !subscription.EventTypes.Contains(e.Type)) return false;
        var record = e.Payload["record"] as JsonObject;
        if (subscription.PipelineId is { } pipeline && Value(record, "pipelineId") != pipeline.ToString()) return false;
        if (subscription.OwnerId is { } owner && (Value(record, "ownerId") ?? NewValue(e.Payload, "ownerId")) != owner.ToString()) return false;
        return true;
    }

    private static string? Value(JsonObject? record, string field) => record?[field]?.GetValue<string>();

    private static string? NewValue(JsonObject payload, string field) => payload["changes"]?[field]?["new"]?.GetValue<string>();
}
