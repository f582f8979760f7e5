namespace HeadlessCrm.Identity;

/// <summary>Settings of the authorization server (configuration section <c>Crm:Auth</c>).</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Crm:Auth";

    /// <summary>The issuer URL; when empty, the base URL of each request (fine for one host, set it behind a load balancer).</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> of access tokens, checked on every API call.</summary>
    public string Audience { get; set; } = "headlesscrm-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far a token's <c>nbf</c> and <c>exp</c> may be off the API host's clock (clocks of other hosts drift).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one signing key signs before the next takes over.</summary>
    public TimeSpan SigningKeyLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a new key is published in the JWKS before it signs, so every host and every client cache
    /// knows it before the first token signed with it arrives.
    /// </summary>
    public TimeSpan SigningKeyPublishAhead { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often a host re-reads the signing keys from the database.</summary>
    public TimeSpan SigningKeyRefresh { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an authorization code may wait for its exchange; at most 60 seconds.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The configured code lifetime, never more than the 60 seconds the Security BCP allows.</summary>
    public TimeSpan EffectiveAuthorizationCodeLifetime =>
        AuthorizationCodeLifetime < MaxAuthorizationCodeLifetime ? AuthorizationCodeLifetime : MaxAuthorizationCodeLifetime;

    private static readonly TimeSpan MaxAuthorizationCodeLifetime = TimeSpan.FromSeconds(60);

    /// <summary>How long a refresh token stays usable; each use hands out a new one with a fresh lifetime.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a host trusts its answer to "is this access token revoked?" before asking the database again.</summary>
    public TimeSpan RevocationCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many validated access tokens a host remembers until they expire (each a few KB), so their signatures are not
    /// verified again on every request.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 4096;

    /// <summary>How often expired codes, refresh tokens, grants and deny-list entries are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Failed sign-ins allowed per email and address within <see cref="SignInFailureWindow"/>.</summary>
    public int SignInFailuresAllowed { get; set; } = 5;

    public TimeSpan SignInFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The scopes this server grants, each with the sentence the consent page shows (filled by the API host).</summary>
    public IReadOnlyDictionary<string, string> ScopeDescriptions { get; set; } = new Dictionary<string, string>();

    public IReadOnlyCollection<string> Scopes => [.. ScopeDescriptions.Keys];
}
