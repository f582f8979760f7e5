namespace HeadlessCrm.Api.Features.Merge;

/// <summary>
/// Two records that are likely the same, and why: email, phone, nameAtCompany (contacts); domain, name (companies).
/// <see cref="Score"/> is how sure: 1 for a shared email, phone or domain, else the names' trigram similarity (0.6–1).
/// </summary>
public sealed record DuplicatePair(Guid[] RecordIds, string[] Reasons, double Score);
