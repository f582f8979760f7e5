namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>The channel a contact first came in through; the lead-source report groups by it.</summary>
public enum SourceChannel
{
    OrganicSearch,
    PaidAds,
    Email,
    Social,
    Event,
    Referral,
    WebForm,
    Phone,
    Other,
}
