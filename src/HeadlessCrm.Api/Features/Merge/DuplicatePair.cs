namespace HeadlessCrm.Api.Features.Merge;

/// <summary>Two records that are likely the same, and why: email, phone, nameAtCompany (contacts); domain, name (companies).</summary>
public sealed record DuplicatePair(Guid[] RecordIds, string[] Reasons);
