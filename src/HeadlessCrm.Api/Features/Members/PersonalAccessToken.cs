using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>
/// A long-lived token a member uses from scripts and tools: opaque, scoped, revocable. Only its SHA-256 is stored;
/// the token is shown once, when made.
/// </summary>
public sealed class PersonalAccessToken : TenantEntity
{
    public const string Prefix = "hcp_";

    public Guid MemberId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; init; }
    public string[] Scopes { get; set; } = [];
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
