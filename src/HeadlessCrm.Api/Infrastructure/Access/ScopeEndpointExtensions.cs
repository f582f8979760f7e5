using Microsoft.AspNetCore.Authorization;

namespace HeadlessCrm.Api.Infrastructure.Access;

public static class ScopeEndpointExtensions
{
    /// <summary>Requires a valid token carrying <paramref name="scope"/>; the use case behind the endpoint demands it too.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement(scope))
            .Build());
}
