namespace HeadlessCrm.Identity;

/// <summary>The claims an access token carries.</summary>
public static class TokenClaims
{
    /// <summary>The member's id for a person, the client_id for an integration.</summary>
    public const string Subject = "sub";
    public const string WorkspaceId = "workspace_id";
    /// <summary>Space-separated granted scopes (RFC 8693 §4.2).</summary>
    public const string Scope = "scope";
    public const string ClientId = "client_id";
    /// <summary>Present when a member is behind the token.</summary>
    public const string MemberId = "member_id";
    public const string Role = "role";
    public const string TeamId = "team_id";
    /// <summary>The grant (sign-in) a member's token came from; revoking the grant revokes the token.</summary>
    public const string GrantId = "sid";
    public const string TokenId = "jti";
}
