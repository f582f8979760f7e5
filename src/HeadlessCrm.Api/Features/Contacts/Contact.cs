using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Merge;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>A person: a lead, a buyer, a partner's employee.</summary>
public sealed class Contact : TaggedRecord, IMergeable
{
    /// <summary>Set when this record was merged into another (and archived).</summary>
    public Guid? MergedIntoId { get; set; }

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public IReadOnlyList<ContactEmail> Emails { get; private set; } = [];
    /// <summary>The emails lower-cased: what lookups and de-duplication compare (GIN-indexed).</summary>
    public string[] EmailKeys { get; private set; } = [];
    public IReadOnlyList<ContactPhone> Phones { get; private set; } = [];
    /// <summary>The phones' digits only: what lookups by number compare (GIN-indexed).</summary>
    public string[] PhoneKeys { get; private set; } = [];
    public string? Title { get; set; }
    public Guid? CompanyId { get; set; }
    public Company? Company { get; private set; }
    public DateOnly? Birthday { get; set; }
    /// <summary>EF leaves an address of all-null columns null; readers always get an (empty) address.</summary>
    public Address Address
    {
        get => _address ?? Address.Empty;
        set => _address = value;
    }

    private Address? _address;
    public LifecycleStage LifecycleStage { get; set; }
    /// <summary>Never loaded: what the activity facts of filters (lastActivityAt, hasOpenDeal) query through.</summary>
    public List<Activity> Activities { get; private set; } = [];
    /// <summary>Never loaded: the deals this contact is involved in, for the hasOpenDeal filter.</summary>
    public List<DealContact> DealLinks { get; private set; } = [];
    public SourceChannel? Source { get; set; }

    public void SetEmails(IReadOnlyList<ContactEmail> emails)
    {
        Emails = emails;
        EmailKeys = emails.Select(e => EmailKey(e.Value)).Distinct().ToArray();
    }

    public void SetPhones(IReadOnlyList<ContactPhone> phones)
    {
        Phones = phones;
        PhoneKeys = phones.Select(p => PhoneKey(p.Value)).Where(k => k.Length > 0).Distinct().ToArray();
    }

    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    public static string PhoneKey(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());
}
