using System.Net.Mail;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>A member's writable fields. <c>password</c> is write-only: it is hashed and never returned.</summary>
public sealed record MemberInput
{
    public const int MinPasswordLength = 12;

    public string? Email { get; init; }
    public string? Name { get; init; }
    /// <summary>Defaults to rep.</summary>
    public MemberRole? Role { get; init; }
    public Guid? TeamId { get; init; }
    /// <summary>At least 12 characters. Leave it out and send an invitation instead.</summary>
    public string? Password { get; init; }

    public static MemberInput From(Member m) => new() { Email = m.Email, Name = m.Name, Role = m.Role, TeamId = m.TeamId };

    public MemberInput WithDefaults() => this with { Role = Role ?? MemberRole.Rep };

    public void Check(RuleCheck check) => check
        .Required(Email, "email")
        .Must(Email is null || Email.Length <= 254 && MailAddress.TryCreate(Email, out var address) && address.Address == Email.Trim(), "email", "An email address like name@example.com.")
        .Required(Name, "name").Text(Name, "name", 200)
        .Required(Role, "role")
        .Must(Password is null || Password.Length is >= MinPasswordLength and <= 200, "password", $"From {MinPasswordLength} to 200 characters.");
}
