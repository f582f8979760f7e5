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
    public DateTime? ArchivedAt { get; set; }
}
