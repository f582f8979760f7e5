using System.Security.Claims;
using HeadlessCrm.GraphQL.AspNetCore.WebSockets;
using Microsoft.AspNetCore.Authentication;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// Who a graphql-transport-ws connection acts as: the bearer token of the upgrade request, or, for clients that cannot
/// set headers on a WebSocket (browsers), <c>{"authorization": "Bearer …"}</c> in the connection_init payload,
/// validated by the same authentication handlers as any request. Neither: the socket is closed with 4403.
/// </summary>
public static class SocketAuthentication
{
    public static async ValueTask<bool> AuthenticateAsync(ConnectionInitContext init)
    {
        if (init.User.Identity?.IsAuthenticated == true) return true;
        if (init.Payload?.GetValueOrDefault("authorization") is not string authorization) return false;

        var upgrade = init.HttpContext.Request;
        await using var scope = init.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Scheme = upgrade.Scheme;
        probe.Request.Host = upgrade.Host;
        probe.Request.PathBase = upgrade.PathBase;
        probe.Request.Path = upgrade.Path;
        probe.Request.Headers.Authorization = authorization;
        var result = await probe.AuthenticateAsync();
        if (result.Principal?.Identity?.IsAuthenticated != true) return false;
        init.User = result.Principal;
        return true;
    }

    /// <summary>
    /// /graphql needs an authenticated caller, except for a WebSocket upgrade, which may authenticate in
    /// connection_init instead.
    /// </summary>
    public static bool AllowsRequest(ClaimsPrincipal user, object? resource) =>
        user.Identity?.IsAuthenticated == true || resource is HttpContext { WebSockets.IsWebSocketRequest: true };
}
