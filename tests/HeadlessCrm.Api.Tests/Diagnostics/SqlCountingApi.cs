namespace HeadlessCrm.Api.Tests.Diagnostics;

/// <summary>A host with Crm:Diagnostics:CountSql on, as the benchmark harness runs it.</summary>
public sealed class SqlCountingApi : CrmApi
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Diagnostics:CountSql"] = "true",
        ["Crm:RateLimits:Enabled"] = "false",
    };
}
