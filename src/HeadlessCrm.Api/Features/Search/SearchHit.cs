namespace HeadlessCrm.Api.Features.Search;

/// <summary>One record found: its type (contact, company, deal), id, what to show, and how well it matched.</summary>
public sealed record SearchHit(string Type, Guid Id, string Title, string? Subtitle, double Rank);
