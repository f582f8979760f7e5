namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>Configuration <c>Crm:Calls</c>.</summary>
public sealed class CallOptions
{
    public const string Section = "Crm:Calls";

    /// <summary>The country whose numbering a number written nationally (without + or 00) belongs to: ISO 3166 code.</summary>
    public string DefaultRegion { get; set; } = "US";
}
