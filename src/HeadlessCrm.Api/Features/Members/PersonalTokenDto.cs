namespace HeadlessCrm.Api.Features.Members;

/// <summary>A personal access token as listed: everything but the token, which is shown only when it is made.</summary>
public sealed record PersonalTokenDto(
    Guid Id, Guid MemberId, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>A token just made: <c>token</c> is its only appearance.</summary>
public sealed record IssuedPersonalTokenDto(PersonalTokenDto Details, string Token);

public sealed record PersonalTokenInput(string? Name = null, string[]? Scopes = null, DateTime? ExpiresAt = null);

/// <summary>An invitation just made: give <c>token</c> to the person (e.g. in a link); it works once, until it expires.</summary>
public sealed record InvitationDto(Guid MemberId, string Token, DateTime ExpiresAt);

public sealed record AcceptInvitationInput(string? Token = null, string? Password = null);
