namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>A phone number as written; lookups compare its digits only.</summary>
public sealed record ContactPhone(string Value, string? Label = null, bool Primary = false);
