using HeadlessCrm.GraphQL.AspNetCore.WebSockets;

namespace HeadlessCrm.GraphQL.AspNetCore;

/// <summary>How the HTTP and WebSocket endpoints serve the engine.</summary>
public sealed class GraphQLServerOptions
{
    /// <summary>Parser limits, query limits, persisted queries, error handling: everything the engine itself takes.</summary>
    public GraphQLEngineOptions Engine { get; set; } = new();

    /// <summary>Serve queries over GET (mutations over GET are always refused with 405).</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>Serve subscriptions over WebSocket with the graphql-transport-ws subprotocol.</summary>
    public bool EnableWebSockets { get; set; } = true;

    /// <summary>How long a WebSocket client has to send connection_init before it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Decides whether a WebSocket connection may proceed, e.g. by validating a token in the connection_init payload
    /// and setting <see cref="ConnectionInitContext.User"/>. Returning false closes the socket with 4403 Forbidden.
    /// </summary>
    public Func<ConnectionInitContext, ValueTask<bool>>? OnConnectionInit { get; set; }
}
