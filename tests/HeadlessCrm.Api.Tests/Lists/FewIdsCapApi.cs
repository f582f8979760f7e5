namespace HeadlessCrm.Api.Tests.Lists;

/// <summary>
/// A host that counts SQL commands and treats a tag or multi-select value on more than three records as common, so a
/// test workspace of a few records takes both ways a value is filtered (by its few ids, or directly).
/// </summary>
public sealed class FewIdsCapApi : CrmApi
{
    public const int Cap = 3;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Filtering:FewIdsCap"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Crm:Diagnostics:CountSql"] = "true",
        ["Crm:RateLimits:Enabled"] = "false",
    };
}
