namespace HeadlessCrm.Api.Features.Automation;

/// <summary>Configuration <c>Crm:Automation</c>.</summary>
public sealed class AutomationOptions
{
    public const string Section = "Crm:Automation";

    /// <summary>Rules run on events caused by at most this many rule steps fewer; deeper chains stop (loop guard).</summary>
    public int MaxDepth { get; set; } = 3;

    /// <summary>How long a host's claim on a batch of events lasts before another host may take them.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);
}
