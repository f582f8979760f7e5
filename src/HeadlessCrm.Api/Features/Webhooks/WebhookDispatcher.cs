using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>
/// Delivers due webhooks: claims them (SKIP LOCKED, with a lease), POSTs each signed event, and records the outcome —
/// success; a retry later on 5xx, 408, 429, timeouts and connection failures; a definite failure on other 4xx or when
/// retries run out. A subscription that keeps failing is paused and says why.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock) : IBackgroundWork
{
    public const string HttpClientName = "webhooks";
    private const int Batch = 32;
    private const int Parallelism = 8;

    private sealed record Claim(Guid WorkspaceId, Guid DeliveryId);

    private WebhookOptions Options => options.Value;

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        List<Claim> claims;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            claims = await db.Database.SqlQuery<Claim>(
                    $"""SELECT workspace_id AS "WorkspaceId", delivery_id AS "DeliveryId" FROM crm_claim_deliveries({Batch}, {now}, {Options.ClaimLease})""")
                .ToListAsync(ct);
        }
        await Parallel.ForEachAsync(claims, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, DeliverAsync);
        return claims.Count > 0;
    }

    private async ValueTask DeliverAsync(Claim claim, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().ActAsSystem(claim.WorkspaceId, []);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == claim.DeliveryId, ct);
        if (delivery is null || delivery.Status != WebhookDelivery.Pending) return;
        var subscription = await db.Set<WebhookSubscription>().AsNoTracking().FirstAsync(s => s.Id == delivery.SubscriptionId, ct);
        var stored = await db.OutboxEvents.AsNoTracking().FirstAsync(e => e.Id == delivery.EventId, ct);

        if (subscription.ArchivedAt is not null || subscription.Status != WebhookSubscription.Active)
        {
            delivery.Status = WebhookDelivery.Failed;
            delivery.LastError = subscription.ArchivedAt is not null ? "The subscription was deleted." : "The subscription is paused.";
            await db.SaveChangesAsync(ct);
            return;
        }

        var outcome = await SendAsync(subscription, stored, delivery, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.ResponseCode = outcome.Status;
        delivery.LatencyMs = outcome.LatencyMs;
        delivery.LastError = outcome.Error;
        if (outcome.Succeeded)
        {
            delivery.Status = WebhookDelivery.Succeeded;
        }
        else if (outcome.Retryable && delivery.Attempts < Options.MaxAttempts)
        {
            delivery.NextAttemptAt = now + RetrySchedule.After(delivery.Attempts, Options, outcome.RetryAfter);
        }
        else
        {
            delivery.Status = WebhookDelivery.Failed;
        }
        await db.SaveChangesAsync(ct);
        await CountAsync(db, subscription.Id, outcome.Succeeded, ct);
    }

    private sealed record Outcome(bool Succeeded, bool Retryable, int? Status, int? LatencyMs, string? Error, TimeSpan? RetryAfter);

    private async Task<Outcome> SendAsync(WebhookSubscription subscription, OutboxEvent stored, WebhookDelivery delivery, CancellationToken ct)
    {
        var body = Body(stored);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.TargetUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Crm-Webhook-Id", stored.Id.ToString());
        request.Headers.Add("Crm-Webhook-Event", stored.Type);
        request.Headers.Add("Crm-Webhook-Delivery", delivery.Id.ToString());
        request.Headers.Add("Crm-Webhook-Attempt", (delivery.Attempts + 1).ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, timestamp, body));

        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Options.RequestTimeout);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var latency = (int)watch.ElapsedMilliseconds;
            if (response.IsSuccessStatusCode) return new Outcome(true, false, status, latency, null, null);
            return new Outcome(false, RetrySchedule.IsRetryable(status), status, latency, $"The target answered {status}.", response.Headers.RetryAfter?.Delta);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(false, true, null, (int)watch.ElapsedMilliseconds, $"No answer within {Options.RequestTimeout.TotalSeconds:0} s.", null);
        }
        catch (HttpRequestException e)
        {
            return new Outcome(false, true, null, (int)watch.ElapsedMilliseconds, e.Message, null);
        }
    }

    /// <summary>The delivered JSON: the event envelope around its payload.</summary>
    public static string Body(OutboxEvent stored) => new JsonObject
    {
        ["id"] = stored.Id.ToString(),
        ["type"] = stored.Type,
        ["occurredAt"] = JsonSerializer.SerializeToNode(stored.OccurredAt, CrmJson.Options),
        ["workspaceId"] = stored.WorkspaceId.ToString(),
        ["data"] = stored.Payload.DeepClone(),
    }.ToJsonString();

    /// <summary>Failures in a row pause the subscription; a success resets the count. Counted in SQL: deliveries run in parallel.</summary>
    private async Task CountAsync(CrmDbContext db, Guid subscriptionId, bool succeeded, CancellationToken ct)
    {
        if (succeeded)
        {
            await db.Set<WebhookSubscription>().Where(s => s.Id == subscriptionId && s.ConsecutiveFailures > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, 0), ct);
            return;
        }
        var threshold = Options.PauseAfterConsecutiveFailures;
        await db.Set<WebhookSubscription>().Where(s => s.Id == subscriptionId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ConsecutiveFailures, x => x.ConsecutiveFailures + 1)
                .SetProperty(x => x.Status, x => x.ConsecutiveFailures + 1 >= threshold ? WebhookSubscription.Paused : x.Status)
                .SetProperty(x => x.PausedReason, x => x.ConsecutiveFailures + 1 >= threshold
                    ? $"Paused after {threshold} failed deliveries in a row; fix the endpoint, then resume."
                    : x.PausedReason), ct);
    }
}
