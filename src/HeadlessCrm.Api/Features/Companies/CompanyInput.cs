using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Companies;

/// <summary>The writable fields of a company: the body of a create, and what a merge patch is applied to.</summary>
public sealed record CompanyInput : IRecordInput<Company, CompanyInput>
{
    public string? Name { get; init; }
    /// <summary>A host name; a URL is accepted and reduced to its host, without "www.".</summary>
    public string? Domain { get; init; }
    /// <summary>Defaults to prospect.</summary>
    public CompanyKind? Kind { get; init; }
    public string? Industry { get; init; }
    public int? EmployeeCount { get; init; }
    public string? Phone { get; init; }
    public Address? Address { get; init; }
    /// <summary>A member of the workspace; defaults to the calling member.</summary>
    public Guid? OwnerId { get; init; }
    public string[]? Tags { get; init; }
    public JsonObject? CustomFields { get; init; }

    public static CompanyInput From(Company c) => new()
    {
        Name = c.Name,
        Domain = c.Domain,
        Kind = c.Kind,
        Industry = c.Industry,
        EmployeeCount = c.EmployeeCount,
        Phone = c.Phone,
        Address = c.Address,
        OwnerId = c.OwnerId,
        Tags = c.Tags,
        CustomFields = c.CustomFields,
    };

    public void Check(RuleCheck check) => check
        .Required(Name, "name").Text(Name, "name", 200)
        .Must(Domain is null || DomainName.TryNormalise(Domain, out _), "domain", "A domain name like example.com.")
        .Required(Kind, "kind")
        .Text(Industry, "industry", 100)
        .Must(EmployeeCount is null or >= 0, "employeeCount", "Zero or more.")
        .Text(Phone, "phone", 50)
        .Address(Address)
        .Tags(Tags)
        .CustomFields(CustomFields);

    public void ApplyTo(Company c)
    {
        c.Name = Name!.Trim();
        c.Domain = Domain is null ? null : DomainName.Normalise(Domain);
        c.Kind = Kind!.Value;
        c.Industry = Industry;
        c.EmployeeCount = EmployeeCount;
        c.Phone = Phone;
        c.Address = Address ?? new Address();
        c.OwnerId = OwnerId;
        c.Tags = RuleCheck.NormaliseTags(Tags);
        c.CustomFields = CustomFields ?? [];
    }

    public CompanyInput WithDefaults(Guid? callerMemberId) => this with
    {
        Kind = Kind ?? CompanyKind.Prospect,
        OwnerId = OwnerId ?? callerMemberId,
    };
}
