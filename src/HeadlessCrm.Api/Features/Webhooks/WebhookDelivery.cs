using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>One event on its way to one subscription: its attempts so far and how the last one went.</summary>
public sealed class WebhookDelivery : TenantEntity
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public Guid SubscriptionId { get; init; }
    public Guid EventId { get; init; }
    public string Status { get; set; } = Pending;
    public int Attempts { get; set; }
    /// <summary>When it is due; while a worker holds it, the end of that worker's lease.</summary>
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? ResponseCode { get; set; }
    public string? LastError { get; set; }
    public int? LatencyMs { get; set; }
}
