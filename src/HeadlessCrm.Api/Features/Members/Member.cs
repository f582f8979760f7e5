using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>A person who works in the CRM and owns records.</summary>
public sealed class Member : TenantEntity
{
    public required string Email { get; set; }
    public required string Name { get; set; }
    public MemberRole Role { get; set; }
    public Guid? TeamId { get; set; }
    public string? PasswordHash { get; set; }
    /// <summary>SHA-256 of the pending invitation's token (the token itself is handed out once).</summary>
    public string? InvitationHash { get; set; }
    public DateTime? InvitationExpiresAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public uint Version { get; set; }
}
