using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Merge;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Companies;

/// <summary>A legal entity the workspace deals with: a customer, partner, supplier, competitor or prospect.</summary>
public sealed class Company : TaggedRecord, IMergeable
{
    /// <summary>Set when this record was merged into another (and archived).</summary>
    public Guid? MergedIntoId { get; set; }

    public required string Name { get; set; }
    /// <summary>Never loaded: what the activity facts of filters (lastActivityAt, hasOpenDeal) query through.</summary>
    public List<Activity> Activities { get; private set; } = [];
    /// <summary>Never loaded: the company's deals, for the hasOpenDeal filter.</summary>
    public List<Deal> Deals { get; private set; } = [];
    /// <summary>Lower-case host name without scheme or "www.", so lookups by domain match.</summary>
    public string? Domain { get; set; }
    public CompanyKind Kind { get; set; }
    public string? Industry { get; set; }
    public int? EmployeeCount { get; set; }
    public string? Phone { get; set; }
    /// <summary>EF leaves an address of all-null columns null; readers always get an (empty) address.</summary>
    public Address Address
    {
        get => _address ?? Address.Empty;
        set => _address = value;
    }

    private Address? _address;
}
