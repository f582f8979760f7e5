using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.GraphQL.AspNetCore.WebSockets;

/// <summary>Accepts a WebSocket for the graphql-transport-ws subprotocol and runs its session.</summary>
internal static class GraphQLWebSocketHandler
{
    public const string SubProtocol = "graphql-transport-ws";

    public static async Task HandleAsync(HttpContext context, GraphQLEngine engine, GraphQLServerOptions options)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            await refused.CloseAsync((WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
        await new GraphQLTransportWsSession(socket, context, engine, options).RunAsync();
    }
}
