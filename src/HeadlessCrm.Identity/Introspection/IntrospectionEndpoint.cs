using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using HeadlessCrm.Identity.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HeadlessCrm.Identity.Introspection;

/// <summary>
/// <c>POST /connect/introspect</c> (RFC 7662) for confidential clients, i.e. resource servers with a secret. A token is
/// active when it is ours, unexpired, not revoked and of the caller's workspace; anything else is just
/// <c>{"active": false}</c>, which tells nothing about why (§2.2).
/// </summary>
public static class IntrospectionEndpoint
{
    public const string Path = "/connect/introspect";

    public static async Task<IResult> HandleAsync(HttpContext context, ClientAuthenticator authenticator, AccessTokenReader reader,
        IIdentityStore store, TokenDenyList denyList, TimeProvider clock, CancellationToken ct)
    {
        var (client, form, refusal) = await EndpointClient.AuthenticateAsync(context, authenticator, ct);
        if (client is null) return refusal!;
        if (!client.IsConfidential)
            return OAuthError.Result("invalid_client", "Introspection is for clients that authenticate with a secret.", StatusCodes.Status401Unauthorized);
        var token = form!["token"].ToString();
        if (token.Length == 0) return OAuthError.Result("invalid_request", "token is required.");
        context.Response.Headers.CacheControl = "no-store";

        var claims = await reader.ReadAsync(token, evenIfExpired: false);
        if (claims is not null)
        {
            var jwt = new JsonWebToken(token);
            var revoked = await denyList.IsRevokedAsync(jwt.Id, claims.FindFirst(TokenClaims.GrantId)?.Value, claims.FindFirst(TokenClaims.ClientId)?.Value, ct);
            if (revoked || claims.FindFirst(TokenClaims.WorkspaceId)?.Value != client.WorkspaceId.ToString()) return Inactive();
            return Results.Json(new Dictionary<string, object?>
            {
                ["active"] = true,
                ["token_type"] = "Bearer",
                ["scope"] = claims.FindFirst(TokenClaims.Scope)?.Value,
                ["client_id"] = claims.FindFirst(TokenClaims.ClientId)?.Value,
                ["sub"] = jwt.Subject,
                ["workspace_id"] = client.WorkspaceId,
                ["iss"] = jwt.Issuer,
                ["aud"] = jwt.Audiences.FirstOrDefault(),
                ["jti"] = jwt.Id,
                ["iat"] = new DateTimeOffset(jwt.IssuedAt).ToUnixTimeSeconds(),
                ["exp"] = new DateTimeOffset(jwt.ValidTo).ToUnixTimeSeconds(),
            });
        }

        var hash = OpaqueTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var refresh = await (from t in store.RefreshTokens
                             join g in store.OAuthGrants on t.GrantId equals g.Id
                             where t.TokenHash == hash && t.ReplacedAt == null && t.ExpiresAt > now && g.RevokedAt == null && g.WorkspaceId == client.WorkspaceId
                             select new { g.ClientId, g.Subject, g.Scopes, t.CreatedAt, t.ExpiresAt }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (refresh is null) return Inactive();
        return Results.Json(new Dictionary<string, object?>
        {
            ["active"] = true,
            ["scope"] = string.Join(' ', refresh.Scopes),
            ["client_id"] = refresh.ClientId,
            ["sub"] = refresh.Subject,
            ["workspace_id"] = client.WorkspaceId,
            ["iat"] = new DateTimeOffset(refresh.CreatedAt, TimeSpan.Zero).ToUnixTimeSeconds(),
            ["exp"] = new DateTimeOffset(refresh.ExpiresAt, TimeSpan.Zero).ToUnixTimeSeconds(),
        });
    }

    private static IResult Inactive() => Results.Json(new { active = false });
}
