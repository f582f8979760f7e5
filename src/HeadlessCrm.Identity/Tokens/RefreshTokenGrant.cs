using HeadlessCrm.Identity.Accounts;
using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Identity.Tokens;

/// <summary>
/// RFC 6749 §6 with rotation (OAuth 2.0 Security BCP §4.14): every use replaces the refresh token. A replaced token
/// coming back means two parties hold the family, so the whole grant is revoked. The member must still be active, and
/// the new tokens carry only the scopes their role allows today.
/// </summary>
public sealed class RefreshTokenGrant(IIdentityStore store, IMemberAccounts accounts, GrantTokens tokens, TokenDenyList denyList, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(OAuthClient client, IFormCollection form, CancellationToken ct)
    {
        var presented = form["refresh_token"].ToString();
        if (presented.Length == 0) return OAuthError.Result("invalid_request", "refresh_token is required.");

        var hash = OpaqueTokens.Hash(presented);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await (from t in store.RefreshTokens
                           join g in store.OAuthGrants on t.GrantId equals g.Id
                           where t.TokenHash == hash
                           select new { Token = t, Grant = g }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null || found.Grant.ClientId != client.ClientId)
            return OAuthError.Result("invalid_grant", "Unknown refresh token, or issued to another client.");
        var (token, grant) = (found.Token, found.Grant);

        if (grant.RevokedAt is not null) return OAuthError.Result("invalid_grant", "The grant has been revoked.");
        if (token.ReplacedAt is not null) return await ReusedAsync(grant, ct);
        if (token.ExpiresAt <= now) return OAuthError.Result("invalid_grant", "The refresh token has expired.");

        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requested.Any(s => !grant.Scopes.Contains(s)))
            return OAuthError.Result("invalid_scope", "A refresh can only ask for scopes of the original grant.");

        var account = await accounts.FindAsync(grant.WorkspaceId, grant.Subject, ct);
        if (account is null)
        {
            await denyList.RevokeGrantAsync(grant.Id, ct);
            return OAuthError.Result("invalid_grant", "The member is no longer active.");
        }

        var rotated = await store.RefreshTokens.Where(t => t.TokenHash == hash && t.ReplacedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplacedAt, now), ct);
        if (rotated == 0) return await ReusedAsync(grant, ct);

        var scopes = GrantTokens.ScopesFor(grant, account);
        if (requested.Length > 0) scopes = scopes.Where(requested.Contains).ToArray();
        return await tokens.IssueAsync(grant, account, scopes, ct);
    }

    private async Task<IResult> ReusedAsync(OAuthGrant grant, CancellationToken ct)
    {
        await denyList.RevokeGrantAsync(grant.Id, ct);
        return OAuthError.Result("invalid_grant", "The refresh token was already used; its whole family is revoked.");
    }
}
