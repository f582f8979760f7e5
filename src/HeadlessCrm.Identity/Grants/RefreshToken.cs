namespace HeadlessCrm.Identity.Grants;

/// <summary>An opaque refresh token (stored as its SHA-256). Each use replaces it; a replaced one coming back means theft.</summary>
public sealed class RefreshToken
{
    public required string TokenHash { get; init; }
    public Guid GrantId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? ReplacedAt { get; set; }
}
