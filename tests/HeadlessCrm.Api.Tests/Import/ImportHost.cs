namespace HeadlessCrm.Api.Tests.Import;

/// <summary>The host with a fast background runner (imports run within a test) and a 2 MiB cap on CSV uploads.</summary>
public sealed class ImportHost : CrmApi
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Background:PollInterval"] = "00:00:00.100",
        ["Crm:Import:MaxBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
