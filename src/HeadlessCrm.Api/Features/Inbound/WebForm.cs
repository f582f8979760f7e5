using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>A lead form on a website: its public key, where it may be posted from, and how its fields map onto a contact.</summary>
public sealed class WebForm : TenantEntity
{
    public required string Name { get; set; }
    /// <summary>Public by design (it sits in the page, like a publishable key); it names the form, it grants nothing else.</summary>
    public required string FormKey { get; init; }
    /// <summary>Origins (scheme://host[:port]) whose pages may post; empty: any, including posts without an Origin.</summary>
    public string[] AllowedOrigins { get; set; } = [];
    /// <summary>Form field name → contact field (email, firstName, lastName, phone, title, message, customFields.&lt;key&gt;).</summary>
    public Dictionary<string, string> FieldMap { get; set; } = [];
    /// <summary>A field people leave empty and bots fill in: a submission with it filled is accepted and dropped.</summary>
    public string? HoneypotField { get; set; }
    /// <summary>The owner new contacts get.</summary>
    public Guid? DefaultOwnerId { get; set; }
    public DateTime? ArchivedAt { get; set; }
}
