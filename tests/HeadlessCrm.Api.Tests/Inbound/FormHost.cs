namespace HeadlessCrm.Api.Tests.Inbound;

/// <summary>The host with small web-form limits, so that the rate limit and the size limit are reached within a test.</summary>
public sealed class FormHost : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Forms:Submissions"] = "3",
        ["Crm:Forms:Window"] = "00:01:00",
        ["Crm:Forms:MaxBodyBytes"] = "2048",
    };
}
