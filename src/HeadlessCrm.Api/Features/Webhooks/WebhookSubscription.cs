using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>Where a workspace wants its events sent, which ones, and the secret that signs them.</summary>
public sealed class WebhookSubscription : TenantEntity
{
    public const string Active = "active";
    public const string Paused = "paused";

    public required string TargetUrl { get; set; }
    public string[] EventTypes { get; set; } = [];
    /// <summary>Only deal events of this pipeline.</summary>
    public Guid? PipelineId { get; set; }
    /// <summary>Only events of records this member owns.</summary>
    public Guid? OwnerId { get; set; }
    /// <summary>The HMAC key; it must be kept (not hashed) to sign each delivery.</summary>
    public required string Secret { get; set; }
    public string Status { get; set; } = Active;
    public string? PausedReason { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTime? ArchivedAt { get; set; }
}
