using System.Security.Cryptography;
using HeadlessCrm.Identity.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HeadlessCrm.Identity.Tokens;

/// <summary>Mints JWT access tokens (RFC 9068 profile: typ at+jwt) signed with the ring's current key.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, IssuerUri issuer, IOptions<IdentityServerOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public sealed record Grant(string Subject, Guid WorkspaceId, string ClientId, IReadOnlyCollection<string> Scopes)
    {
        public IReadOnlyDictionary<string, object> ExtraClaims { get; init; } = new Dictionary<string, object>();
    }

    public sealed record Issued(string AccessToken, int ExpiresIn, string Scope)
    {
        public string? RefreshToken { get; init; }
    }

    public async Task<Issued> IssueAsync(Grant grant, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.AccessTokenLifetime;
        var scope = string.Join(' ', grant.Scopes);
        var claims = new Dictionary<string, object>(grant.ExtraClaims)
        {
            [TokenClaims.Subject] = grant.Subject,
            [TokenClaims.WorkspaceId] = grant.WorkspaceId.ToString(),
            [TokenClaims.ClientId] = grant.ClientId,
            [TokenClaims.Scope] = scope,
            [JwtRegisteredClaimNames.Jti] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Current,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            TokenType = "at+jwt",
            Claims = claims,
            SigningCredentials = await keys.SigningCredentialsAsync(ct),
        });
        return new Issued(token, (int)lifetime.TotalSeconds, scope);
    }
}
