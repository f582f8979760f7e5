namespace HeadlessCrm.Identity.Grants;

/// <summary>A one-time authorization code (stored as its SHA-256), bound to the redirect URI and PKCE challenge it was asked with.</summary>
public sealed class AuthorizationCode
{
    public required string CodeHash { get; init; }
    public Guid GrantId { get; init; }
    public required string RedirectUri { get; init; }
    /// <summary>BASE64URL(SHA-256(code_verifier)): only S256 is accepted.</summary>
    public required string CodeChallenge { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? RedeemedAt { get; set; }
}
