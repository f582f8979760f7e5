using HeadlessCrm.Identity.Clients;
using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.Identity.Tokens;

/// <summary><c>POST /connect/token</c> (RFC 6749 §3.2): authenticates the client, then runs the requested grant.</summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, ClientAuthenticator authenticator, ClientCredentialsGrant clientCredentials,
        AuthorizationCodeGrant authorizationCode, RefreshTokenGrant refreshToken, CancellationToken ct)
    {
        var (client, form, refusal) = await EndpointClient.AuthenticateAsync(context, authenticator, ct);
        if (client is null || form is null) return refusal!;

        return form["grant_type"].ToString() switch
        {
            "client_credentials" => await clientCredentials.HandleAsync(client, form, ct),
            "authorization_code" => await authorizationCode.HandleAsync(client, form, ct),
            "refresh_token" => await refreshToken.HandleAsync(client, form, ct),
            "" => OAuthError.Result("invalid_request", "grant_type is required."),
            var other => OAuthError.Result("unsupported_grant_type", $"Grant type '{other}' is not supported."),
        };
    }

    /// <summary>The successful token response: never cached (RFC 6749 §5.1).</summary>
    public static IResult Success(AccessTokenIssuer.Issued issued) => new TokenResult(issued);

    private sealed class TokenResult(AccessTokenIssuer.Issued issued) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
            var body = new Dictionary<string, object>
            {
                ["access_token"] = issued.AccessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = issued.ExpiresIn,
                ["scope"] = issued.Scope,
            };
            if (issued.RefreshToken is not null) body["refresh_token"] = issued.RefreshToken;
            return context.Response.WriteAsJsonAsync(body);
        }
    }
}
