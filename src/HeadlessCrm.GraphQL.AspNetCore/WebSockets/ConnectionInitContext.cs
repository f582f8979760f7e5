using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.GraphQL.AspNetCore.WebSockets;

/// <summary>What a connection_init hook sees and may change: the upgrade request, the client's payload, the user.</summary>
public sealed class ConnectionInitContext(HttpContext httpContext, IReadOnlyDictionary<string, object?>? payload)
{
    public HttpContext HttpContext { get; } = httpContext;

    /// <summary>The connection_init payload, e.g. <c>{ "authorization": "Bearer ..." }</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Payload { get; } = payload;

    /// <summary>The user every operation of this connection runs as; starts as the upgrade request's user.</summary>
    public ClaimsPrincipal User { get; set; } = httpContext.User;

    /// <summary>An optional payload for the connection_ack message.</summary>
    public IReadOnlyDictionary<string, object?>? AcknowledgementPayload { get; set; }
}
