using HeadlessCrm.Api.Infrastructure.Http;
using HeadlessCrm.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace HeadlessCrm.Api.Infrastructure.Access;

public static class AccessExtensions
{
    /// <summary>The authorization server, bearer-token validation, scope policies and the per-request <see cref="RequestContext"/>.</summary>
    public static WebApplicationBuilder AddCrmAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityServerOptions>()
            .Bind(builder.Configuration.GetSection(IdentityServerOptions.Section))
            .Configure(o => o.Scopes = Scopes.All);
        builder.Services.AddIdentityServer();
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddScoped<RequestContext>();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            jwt.Events = new JwtBearerEvents { OnChallenge = WriteUnauthorizedProblemAsync });
        return builder;
    }

    /// <summary>After authentication: the caller of this request, as every use case and query filter sees it.</summary>
    public static IApplicationBuilder UseRequestContext(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.RequestServices.GetRequiredService<RequestContext>().Authenticate(context.User);
        return next(context);
    });

    /// <summary>401 as a problem document; WWW-Authenticate says why (RFC 6750 §3): no token, or an invalid one.</summary>
    private static async Task WriteUnauthorizedProblemAsync(JwtBearerChallengeContext challenge)
    {
        challenge.HandleResponse();
        var invalid = challenge.AuthenticateFailure is not null;
        var response = challenge.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = invalid
            ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired.\""
            : "Bearer";
        var problems = challenge.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = challenge.HttpContext,
            ProblemDetails = Problems.Create(StatusCodes.Status401Unauthorized, "Unauthorized",
                invalid ? "The access token is invalid or expired." : "Send an access token: Authorization: Bearer <token>."),
        });
    }
}
