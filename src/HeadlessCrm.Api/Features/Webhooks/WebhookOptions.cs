namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>Webhook delivery settings (configuration <c>Crm:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Crm:Webhooks";

    /// <summary>Delay after the first failure; each further failure doubles it (with ±20% jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Attempts before a delivery is given up: with the defaults about 20 hours of retrying.</summary>
    public int MaxAttempts { get; set; } = 16;

    /// <summary>Failed attempts in a row (across deliveries) after which a subscription is paused and flagged.</summary>
    public int PauseAfterConsecutiveFailures { get; set; } = 50;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a worker holds a claimed delivery; one that dies holding it frees it after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Targets on loopback (http://127.0.0.1:…) are allowed, for local development and tests.</summary>
    public bool AllowLoopback { get; set; } = true;

    /// <summary>Private networks (CIDR) that targets may resolve to; all private and link-local ranges are refused otherwise.</summary>
    public string[] AllowedPrivateNetworks { get; set; } = [];
}
