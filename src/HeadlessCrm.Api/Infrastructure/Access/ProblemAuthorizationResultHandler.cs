using HeadlessCrm.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>A 403 that names the missing scope, as a problem document and in WWW-Authenticate (RFC 6750 §3.1).</summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        var missing = result.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToList() ?? [];
        var scope = string.Join(' ', missing);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.Create(StatusCodes.Status403Forbidden, "Forbidden",
                missing.Count > 0 ? $"The access token lacks the scope '{scope}'." : "The access token does not allow this request."),
        });
    }
}
