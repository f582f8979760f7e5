namespace HeadlessCrm.Api.Features.Contacts;

public sealed record ContactEmail(string Value, string? Label = null, bool Primary = false);
