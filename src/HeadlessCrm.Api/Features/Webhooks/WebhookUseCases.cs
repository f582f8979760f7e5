using System.Linq.Expressions;
using System.Text.Json;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>Webhook subscriptions of a workspace, their delivery log, and replays.</summary>
public sealed class WebhookUseCases(CrmDbContext db, RequestContext caller, TargetUrlPolicy targets, TimeProvider clock)
{
    public const int MaxReplay = 10_000;

    private static readonly Expression<Func<WebhookSubscription, WebhookDto>> Projection = s => new WebhookDto
    {
        Id = s.Id,
        TargetUrl = s.TargetUrl,
        EventTypes = s.EventTypes,
        PipelineId = s.PipelineId,
        OwnerId = s.OwnerId,
        Status = s.Status,
        PausedReason = s.PausedReason,
        ConsecutiveFailures = s.ConsecutiveFailures,
        CreatedAt = s.CreatedAt,
        UpdatedAt = s.UpdatedAt,
    };

    private static readonly Func<WebhookSubscription, WebhookDto> Map = Projection.Compile();

    public async Task<IReadOnlyList<WebhookDto>> ListAsync(CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        return await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.ArchivedAt == null)
            .OrderBy(s => s.CreatedAt).Select(Projection).ToListAsync(ct);
    }

    public async Task<WebhookDto> GetAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        return Map(await LoadAsync(id, ct));
    }

    public async Task<WebhookWithSecretDto> CreateAsync(WebhookInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        Check(input);
        var subscription = new WebhookSubscription { TargetUrl = input.TargetUrl!, Secret = NewSecret() };
        Apply(input, subscription);
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecretDto(Map(subscription), subscription.Secret);
    }

    public async Task<WebhookDto> UpdateAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        var subscription = await LoadAsync(id, ct);
        var input = MergePatch.Apply(new WebhookInput(subscription.TargetUrl, subscription.EventTypes, subscription.PipelineId, subscription.OwnerId), patch);
        Check(input);
        Apply(input, subscription);
        await db.SaveChangesAsync(ct);
        return Map(subscription);
    }

    public async Task ArchiveAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        var subscription = await LoadAsync(id, ct);
        subscription.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new secret; the old one stops signing at once (receivers should accept both while they switch).</summary>
    public async Task<WebhookWithSecretDto> RotateSecretAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        var subscription = await LoadAsync(id, ct);
        subscription.Secret = NewSecret();
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecretDto(Map(subscription), subscription.Secret);
    }

    public async Task<WebhookDto> SetPausedAsync(Guid id, bool paused, CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        var subscription = await LoadAsync(id, ct);
        subscription.Status = paused ? WebhookSubscription.Paused : WebhookSubscription.Active;
        subscription.PausedReason = paused ? "Paused by request." : null;
        if (!paused) subscription.ConsecutiveFailures = 0;
        await db.SaveChangesAsync(ct);
        return Map(subscription);
    }

    public async Task<Page<DeliveryDto>> DeliveriesAsync(Guid id, string? status, int limit, string? cursor, CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        await LoadAsync(id, ct);
        var deliveries = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id);
        if (status is not null) deliveries = deliveries.Where(d => d.Status == status);
        return await NewestFirst.PageAsync(deliveries, d => new DeliveryDto(
                d.Id, d.EventId, db.OutboxEvents.Where(e => e.Id == d.EventId).Select(e => e.Type).First(), d.Status, d.Attempts,
                d.ResponseCode, d.LastError, d.LatencyMs, d.CreatedAt, d.LastAttemptAt, d.Status == WebhookDelivery.Pending ? d.NextAttemptAt : null),
            descending: true, cursor is null ? null : Cursor.Decode(cursor), limit, ct);
    }

    /// <summary>Delivers events again: one by id, or every event of a time range the subscription wants.</summary>
    public async Task<ReplayResult> ReplayAsync(Guid id, ReplayInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.WebhooksManage);
        var subscription = await LoadAsync(id, ct);
        new RuleCheck()
            .Must(input.EventId is not null ^ (input.From is not null && input.To is not null), "eventId", "Give an eventId, or from and to.")
            .Must(input.From is null || input.To is null || input.From < input.To, "to", "After from.")
            .ThrowIfBroken();
        var events = input.EventId is { } eventId
            ? db.OutboxEvents.Where(e => e.Id == eventId)
            : db.OutboxEvents.Where(e => e.OccurredAt >= input.From && e.OccurredAt < input.To && subscription.EventTypes.Contains(e.Type));
        var ids = await events.OrderBy(e => e.OccurredAt).Select(e => e.Id).Take(MaxReplay + 1).ToListAsync(ct);
        if (input.EventId is not null && ids.Count == 0) throw new RecordNotFoundException("event", input.EventId.Value);
        if (ids.Count > MaxReplay) throw new RuleViolationException("from", $"At most {MaxReplay} events at a time; narrow the range.");

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var replayed in ids)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO webhook_deliveries (workspace_id, id, subscription_id, event_id, status, next_attempt_at, created_at, updated_at)
                VALUES ({caller.WorkspaceId}, {Guid.CreateVersion7()}, {id}, {replayed}, 'pending', {now}, {now}, {now})
                ON CONFLICT (workspace_id, subscription_id, event_id)
                DO UPDATE SET status = 'pending', next_attempt_at = {now}, updated_at = {now}
                """, ct);
        }
        return new ReplayResult(ids.Count);
    }

    private static readonly SortKey<WebhookDelivery, DateTime> NewestFirst = new("createdAt", d => d.CreatedAt);

    private void Check(WebhookInput input)
    {
        var types = input.EventTypes ?? [];
        new RuleCheck()
            .Required(input.TargetUrl, "targetUrl")
            .Must(input.TargetUrl is null || targets.Refusal(input.TargetUrl) is null, "targetUrl", targets.Refusal(input.TargetUrl) ?? "")
            .Must(types.Length > 0, "eventTypes", "Name at least one event type.")
            .Must(types.All(t => t == "*" || EventTypes.All.Contains(t)), "eventTypes", $"Event types are * or: {string.Join(", ", EventTypes.All)}.")
            .ThrowIfBroken();
    }

    private static void Apply(WebhookInput input, WebhookSubscription subscription)
    {
        subscription.TargetUrl = input.TargetUrl!;
        subscription.EventTypes = input.EventTypes!.Distinct().ToArray();
        subscription.PipelineId = input.PipelineId;
        subscription.OwnerId = input.OwnerId;
    }

    private async Task<WebhookSubscription> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == id && s.ArchivedAt == null, ct)
        ?? throw new RecordNotFoundException("webhook", id);

    private static string NewSecret() => SecretTokens.New("whsec_");
}
