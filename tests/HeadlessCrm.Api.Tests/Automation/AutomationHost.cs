namespace HeadlessCrm.Api.Tests.Automation;

/// <summary>The host with a fast background runner, so that rules run within a test.</summary>
public sealed class AutomationHost : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Background:PollInterval"] = "00:00:00.100",
    };
}
