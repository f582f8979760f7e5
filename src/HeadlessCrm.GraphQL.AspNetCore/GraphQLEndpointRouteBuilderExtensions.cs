using HeadlessCrm.GraphQL.AspNetCore.Http;
using HeadlessCrm.GraphQL.AspNetCore.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.GraphQL.AspNetCore;

/// <summary>Maps the GraphQL endpoint: POST and GET per the GraphQL-over-HTTP draft, and graphql-transport-ws WebSockets.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <paramref name="pattern"/> for every method so that unsupported ones get 405 with an Allow header.
    /// WebSocket upgrades need <c>app.UseWebSockets()</c> earlier in the pipeline.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql") =>
        endpoints.Map(pattern, async context =>
        {
            var engine = context.RequestServices.GetRequiredService<GraphQLEngine>();
            var options = context.RequestServices.GetRequiredService<GraphQLServerOptions>();
            if (context.WebSockets.IsWebSocketRequest && options.EnableWebSockets)
            {
                await GraphQLWebSocketHandler.HandleAsync(context, engine, options);
                return;
            }

            await GraphQLHttpHandler.HandleAsync(context, engine, options);
        }).WithDisplayName("GraphQL");
}
