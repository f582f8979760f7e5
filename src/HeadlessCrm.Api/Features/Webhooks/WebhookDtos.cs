using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Webhooks;

public sealed record WebhookDto : IRecord
{
    public Guid Id { get; init; }
    public required string TargetUrl { get; init; }
    public required IReadOnlyList<string> EventTypes { get; init; }
    public Guid? PipelineId { get; init; }
    public Guid? OwnerId { get; init; }
    /// <summary>active, or paused (by a person, or by the system after repeated failures: see pausedReason).</summary>
    public required string Status { get; init; }
    public string? PausedReason { get; init; }
    public int ConsecutiveFailures { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A subscription just made (or a secret just rotated): <c>secret</c> is shown only now.</summary>
public sealed record WebhookWithSecretDto(WebhookDto Webhook, string Secret);

/// <summary>The writable fields of a subscription.</summary>
public sealed record WebhookInput(string? TargetUrl = null, string[]? EventTypes = null, Guid? PipelineId = null, Guid? OwnerId = null);

public sealed record DeliveryDto(
    Guid Id, Guid EventId, string EventType, string Status, int Attempts, int? ResponseCode, string? LastError, int? LatencyMs,
    DateTime CreatedAt, DateTime? LastAttemptAt, DateTime? NextAttemptAt);

/// <summary>Send again: one event, or every event of a time range.</summary>
public sealed record ReplayInput(Guid? EventId = null, DateTime? From = null, DateTime? To = null);

public sealed record ReplayResult(int Scheduled);
