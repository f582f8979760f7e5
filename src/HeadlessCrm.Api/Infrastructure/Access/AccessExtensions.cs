using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.DataProtection;
using HeadlessCrm.Api.Infrastructure.RateLimiting;
using HeadlessCrm.Identity;
using HeadlessCrm.Identity.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace HeadlessCrm.Api.Infrastructure.Access;

public static class AccessExtensions
{
    private const string CallerScheme = "Caller";

    /// <summary>
    /// The authorization server, bearer-token validation (JWTs from the token endpoint, personal access tokens),
    /// scope policies and the per-request <see cref="RequestContext"/>.
    /// </summary>
    public static WebApplicationBuilder AddCrmAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityServerOptions>()
            .Bind(builder.Configuration.GetSection(IdentityServerOptions.Section))
            .Configure(o => o.ScopeDescriptions = Scopes.Descriptions);
        builder.Services.AddIdentityServer();
        builder.Services.AddScoped<IMemberAccounts, MemberAccounts>();
        // One default scheme that hands each request to the handler for the token it carries.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CallerScheme;
                o.DefaultChallengeScheme = CallerScheme;
            })
            .AddPolicyScheme(CallerScheme, "Bearer access tokens", o => o.ForwardDefaultSelector = context =>
                PersonalAccessTokenHandler.Presents(context) ? PersonalAccessTokenHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddScoped<RequestContext>();
        builder.Services.AddScoped<ISignInThrottle, SignInThrottle>();
        builder.Services.AddSingleton<IBackgroundWork, ExpiredGrantsPurge>();
        builder.Services.AddCrmDataProtection();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.Events ??= new JwtBearerEvents();
            jwt.Events.OnChallenge = async challenge =>
            {
                challenge.HandleResponse();
                await UnauthorizedProblem.WriteAsync(challenge.HttpContext, challenge.AuthenticateFailure is not null);
            };
        });
        return builder;
    }

    /// <summary>After authentication: the caller of this request, as every use case and query filter sees it.</summary>
    public static IApplicationBuilder UseRequestContext(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.RequestServices.GetRequiredService<RequestContext>().Authenticate(context.User);
        return next(context);
    });
}
