using HeadlessCrm.Identity.Accounts;
using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Identity.Tokens;

/// <summary>
/// RFC 6749 §4.1.3 with PKCE (RFC 7636): a code is exchanged once, by the client it was issued to, with the same
/// redirect_uri and the verifier of its challenge. A code presented a second time means it leaked: the grant is
/// revoked, and with it every token already issued from the code.
/// </summary>
public sealed class AuthorizationCodeGrant(IIdentityStore store, IMemberAccounts accounts, GrantTokens tokens, TokenDenyList denyList, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(OAuthClient client, IFormCollection form, CancellationToken ct)
    {
        string code = form["code"].ToString(), redirectUri = form["redirect_uri"].ToString(), verifier = form["code_verifier"].ToString();
        if (code.Length == 0) return OAuthError.Result("invalid_request", "code is required.");
        if (redirectUri.Length == 0) return OAuthError.Result("invalid_request", "redirect_uri is required.");
        if (verifier.Length == 0) return OAuthError.Result("invalid_request", "code_verifier is required (PKCE).");

        var hash = OpaqueTokens.Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await (from c in store.AuthorizationCodes
                           join g in store.OAuthGrants on c.GrantId equals g.Id
                           where c.CodeHash == hash
                           select new { Code = c, Grant = g }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null || found.Grant.ClientId != client.ClientId)
            return OAuthError.Result("invalid_grant", "Unknown authorization code, or issued to another client.");
        var (authorization, grant) = (found.Code, found.Grant);

        if (authorization.RedeemedAt is not null)
            return await ReplayedAsync(grant, ct);
        if (authorization.ExpiresAt <= now) return OAuthError.Result("invalid_grant", "The authorization code has expired.");
        if (authorization.RedirectUri != redirectUri) return OAuthError.Result("invalid_grant", "redirect_uri differs from the authorization request's.");
        if (!Pkce.Verify(verifier, authorization.CodeChallenge)) return OAuthError.Result("invalid_grant", "code_verifier does not match the code_challenge.");
        if (grant.RevokedAt is not null) return OAuthError.Result("invalid_grant", "The grant has been revoked.");

        // Claimed in one statement: of two exchanges racing with the same code, one wins and the other is a replay.
        var claimed = await store.AuthorizationCodes.Where(c => c.CodeHash == hash && c.RedeemedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RedeemedAt, now), ct);
        if (claimed == 0) return await ReplayedAsync(grant, ct);

        var account = await accounts.FindAsync(grant.WorkspaceId, grant.Subject, ct);
        if (account is null) return OAuthError.Result("invalid_grant", "The member is no longer active.");
        return await tokens.IssueAsync(grant, account, GrantTokens.ScopesFor(grant, account), ct);
    }

    private async Task<IResult> ReplayedAsync(OAuthGrant grant, CancellationToken ct)
    {
        await denyList.RevokeGrantAsync(grant.Id, ct);
        return OAuthError.Result("invalid_grant", "The authorization code was already used; the tokens issued from it are revoked.");
    }
}
