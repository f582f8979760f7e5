using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using HeadlessCrm.Identity.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HeadlessCrm.Identity.Revocation;

/// <summary>
/// <c>POST /connect/revoke</c> (RFC 7009). An access token goes on the deny-list until it would expire; a refresh token
/// ends its whole grant, access tokens included (§2.1). Tokens that are unknown, expired or malformed are answered
/// with 200 as well (§2.2): the client's aim, that the token no longer works, holds.
/// </summary>
public static class RevocationEndpoint
{
    public const string Path = "/connect/revoke";

    public static async Task<IResult> HandleAsync(HttpContext context, ClientAuthenticator authenticator, AccessTokenReader reader,
        IIdentityStore store, TokenDenyList denyList, CancellationToken ct)
    {
        var (client, form, refusal) = await EndpointClient.AuthenticateAsync(context, authenticator, ct);
        if (client is null) return refusal!;
        var token = form!["token"].ToString();
        if (token.Length == 0) return OAuthError.Result("invalid_request", "token is required.");

        var claims = await reader.ReadAsync(token, evenIfExpired: true);
        if (claims is not null)
        {
            if (claims.FindFirst(TokenClaims.ClientId)?.Value != client.ClientId) return NotYours();
            var jwt = new JsonWebToken(token);
            await denyList.RevokeAccessTokenAsync(jwt.Id, jwt.ValidTo, ct);
            return Revoked();
        }

        var hash = OpaqueTokens.Hash(token);
        var grant = await (from t in store.RefreshTokens
                           join g in store.OAuthGrants on t.GrantId equals g.Id
                           where t.TokenHash == hash
                           select new { g.Id, g.ClientId }).FirstOrDefaultAsync(ct);
        if (grant is null) return Revoked();
        if (grant.ClientId != client.ClientId) return NotYours();
        await denyList.RevokeGrantAsync(grant.Id, ct);
        return Revoked();
    }

    private static IResult Revoked() => Results.Ok();

    private static IResult NotYours() => OAuthError.Result("unauthorized_client", "The token was issued to another client.");
}
