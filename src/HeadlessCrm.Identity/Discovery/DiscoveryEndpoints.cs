using HeadlessCrm.Identity.Grants;
using HeadlessCrm.Identity.Introspection;
using HeadlessCrm.Identity.Keys;
using HeadlessCrm.Identity.Revocation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Identity.Discovery;

/// <summary>Authorization server metadata (RFC 8414, also served at the OpenID Connect path) and the JWKS.</summary>
public static class DiscoveryEndpoints
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string JwksPath = "/.well-known/jwks.json";

    public static IResult Metadata(IssuerUri issuer, IOptions<IdentityServerOptions> options, HttpContext context)
    {
        var baseUrl = issuer.Of(context);
        context.Response.Headers.CacheControl = "public, max-age=300";
        string[] clientAuthentication = ["client_secret_basic", "client_secret_post"];
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = baseUrl,
            ["authorization_endpoint"] = baseUrl + AuthorizePath,
            ["token_endpoint"] = baseUrl + TokenPath,
            ["revocation_endpoint"] = baseUrl + RevocationEndpoint.Path,
            ["introspection_endpoint"] = baseUrl + IntrospectionEndpoint.Path,
            ["jwks_uri"] = baseUrl + JwksPath,
            ["grant_types_supported"] = new[] { "authorization_code", "refresh_token", "client_credentials" },
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query" },
            ["code_challenge_methods_supported"] = new[] { Pkce.S256 },
            ["authorization_response_iss_parameter_supported"] = true,
            // "none": public clients (SPAs, mobile apps) name themselves with client_id and prove nothing but PKCE.
            ["token_endpoint_auth_methods_supported"] = clientAuthentication.Append("none").ToArray(),
            ["revocation_endpoint_auth_methods_supported"] = clientAuthentication.Append("none").ToArray(),
            ["introspection_endpoint_auth_methods_supported"] = clientAuthentication,
            ["scopes_supported"] = options.Value.Scopes,
        });
    }

    public static async Task<IResult> Jwks(SigningKeyRing keys, HttpContext context, CancellationToken ct)
    {
        var published = await keys.PublishedAsync(ct);
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(new
        {
            keys = published.Select(k => new Dictionary<string, string>
            {
                ["kty"] = k.Kty,
                ["use"] = k.Use,
                ["alg"] = k.Alg,
                ["kid"] = k.Kid,
                ["n"] = k.N,
                ["e"] = k.E,
            }),
        });
    }
}
