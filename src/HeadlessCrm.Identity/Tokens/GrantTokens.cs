using HeadlessCrm.Identity.Accounts;
using HeadlessCrm.Identity.Grants;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Identity.Tokens;

/// <summary>
/// The token response for a member's grant: an access token for the member (with the grant id, so revoking the grant
/// stops it) and a new refresh token of the grant's family.
/// </summary>
public sealed class GrantTokens(IIdentityStore store, AccessTokenIssuer issuer, IOptions<IdentityServerOptions> options, TimeProvider clock)
{
    /// <summary>What the member may have now: the grant's scopes cut to their current role.</summary>
    public static string[] ScopesFor(OAuthGrant grant, MemberAccount account) => grant.Scopes.Where(account.AllowedScopes.Contains).ToArray();

    public async Task<IResult> IssueAsync(OAuthGrant grant, MemberAccount account, IReadOnlyCollection<string> scopes, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var refresh = OpaqueTokens.New();
        store.RefreshTokens.Add(new RefreshToken
        {
            TokenHash = OpaqueTokens.Hash(refresh),
            GrantId = grant.Id,
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        await store.SaveChangesAsync(ct);

        var claims = new Dictionary<string, object>(account.Claims) { [TokenClaims.GrantId] = grant.Id.ToString() };
        var issued = await issuer.IssueAsync(
            new AccessTokenIssuer.Grant(account.Subject, grant.WorkspaceId, grant.ClientId, scopes) { ExtraClaims = claims }, ct);
        return TokenEndpoint.Success(issued with { RefreshToken = refresh });
    }
}
