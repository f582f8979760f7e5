namespace HeadlessCrm.Api.Tests.Webhooks;

/// <summary>The host with webhook timings shortened so that retries and leases play out within a test.</summary>
public sealed class WebhookHost : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Webhooks:RetryBaseDelay"] = "00:00:00.200",
        ["Crm:Webhooks:ClaimLease"] = "00:00:03",
        ["Crm:Webhooks:RequestTimeout"] = "00:00:02",
        ["Crm:Webhooks:PauseAfterConsecutiveFailures"] = "3",
        ["Crm:Background:PollInterval"] = "00:00:00.100",
    };
}
