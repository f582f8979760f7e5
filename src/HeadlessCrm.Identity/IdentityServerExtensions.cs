using HeadlessCrm.Identity.Authorize;
using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Discovery;
using HeadlessCrm.Identity.Grants;
using HeadlessCrm.Identity.Introspection;
using HeadlessCrm.Identity.Revocation;
using HeadlessCrm.Identity.Keys;
using HeadlessCrm.Identity.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HeadlessCrm.Identity;

public static class IdentityServerExtensions
{
    /// <summary>
    /// The authorization server and the bearer-token validation of the API. The host provides
    /// <see cref="IIdentityStore"/> (its DbContext) and binds <see cref="IdentityServerOptions"/>.
    /// </summary>
    public static IServiceCollection AddIdentityServer(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IssuerUri>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<ClientSecretHasher>();
        services.AddScoped<ClientAuthenticator>();
        services.AddScoped<AccessTokenIssuer>();
        services.AddScoped<ClientCredentialsGrant>();
        services.AddScoped<AuthorizationCodeGrant>();
        services.AddScoped<RefreshTokenGrant>();
        services.AddScoped<GrantTokens>();
        services.AddScoped<TokenDenyList>();
        services.AddSingleton<AccessTokenReader>();
        services.AddSingleton<CachingAccessTokenHandler>();
        services.AddMemoryCache();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "crm-signin";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IssuerUri, SigningKeyRing, IOptions<IdentityServerOptions>, CachingAccessTokenHandler>((jwt, issuer, keys, options, handler) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(handler);
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = options.Value.Audience,
                    IssuerValidator = (tokenIssuer, _, _) => tokenIssuer == issuer.Current
                        ? tokenIssuer
                        : throw new SecurityTokenInvalidIssuerException($"Issuer '{tokenIssuer}' is not this server."),
                    IssuerSigningKeyResolver = (_, _, keyId, _) => keys.Resolve(keyId),
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    NameClaimType = TokenClaims.Subject,
                    ClockSkew = options.Value.ClockSkew,
                };
                jwt.Events ??= new JwtBearerEvents();
                jwt.Events.OnTokenValidated = RejectRevokedAsync;
            });
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityServer(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        group.MapPost(DiscoveryEndpoints.TokenPath, TokenEndpoint.HandleAsync).DisableAntiforgery();
        group.MapPost(RevocationEndpoint.Path, RevocationEndpoint.HandleAsync).DisableAntiforgery();
        group.MapPost(IntrospectionEndpoint.Path, IntrospectionEndpoint.HandleAsync).DisableAntiforgery();
        group.MapGet(DiscoveryEndpoints.AuthorizePath, AuthorizeEndpoint.ShowAsync);
        // The sign-in form checks its antiforgery token itself (and answers with a page), so no middleware is needed.
        group.MapPost(DiscoveryEndpoints.AuthorizePath, AuthorizeEndpoint.SubmitAsync).DisableAntiforgery();
        group.MapGet("/.well-known/openid-configuration", DiscoveryEndpoints.Metadata);
        group.MapGet("/.well-known/oauth-authorization-server", DiscoveryEndpoints.Metadata);
        group.MapGet(DiscoveryEndpoints.JwksPath, DiscoveryEndpoints.Jwks);
        return app;
    }

    /// <summary>A signature is not enough: the token, or the grant it came from, may have been revoked since.</summary>
    private static async Task RejectRevokedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var denyList = context.HttpContext.RequestServices.GetRequiredService<TokenDenyList>();
        if (await denyList.IsRevokedAsync(principal.FindFirst(TokenClaims.TokenId)?.Value, principal.FindFirst(TokenClaims.GrantId)?.Value,
                principal.FindFirst(TokenClaims.ClientId)?.Value, context.HttpContext.RequestAborted))
            context.Fail("The access token has been revoked.");
    }
}
