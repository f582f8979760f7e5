using Microsoft.AspNetCore.Authorization;

namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>An endpoint's scope, checked before the request body is even read, and shown in the OpenAPI document.</summary>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>Grants a <see cref="ScopeRequirement"/> when the caller's token carries the scope.</summary>
public sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var caller = (context.Resource as HttpContext)?.RequestServices.GetRequiredService<RequestContext>();
        if (caller?.Has(requirement.Scope) == true) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
