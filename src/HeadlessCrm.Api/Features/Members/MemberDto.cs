using System.Text.Json.Serialization;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Members;

public sealed record MemberDto : IVersioned, IRecord
{
    public Guid Id { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public MemberRole Role { get; init; }
    public Guid? TeamId { get; init; }
    /// <summary>True once the member has a password (set by an admin or by accepting an invitation).</summary>
    public bool CanSignIn { get; init; }
    public bool InvitationPending { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? ArchivedAt { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }
}
