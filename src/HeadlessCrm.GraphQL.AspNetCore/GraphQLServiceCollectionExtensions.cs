using HeadlessCrm.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeadlessCrm.GraphQL.AspNetCore;

/// <summary>Registers the GraphQL engine for <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/>.</summary>
public static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQL(this IServiceCollection services, Schema schema, Action<GraphQLServerOptions>? configure = null) =>
        services.AddGraphQL(_ => schema, configure);

    /// <summary>Registers a schema built from services (e.g. features that contribute types) and the engine around it.</summary>
    public static IServiceCollection AddGraphQL(this IServiceCollection services, Func<IServiceProvider, Schema> schemaFactory, Action<GraphQLServerOptions>? configure = null)
    {
        var options = new GraphQLServerOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("HeadlessCrm.GraphQL");
            var execution = options.Engine.Execution;
            var observe = execution.OnUnexpectedException;
            var engineOptions = options.Engine with
            {
                Execution = execution with
                {
                    OnUnexpectedException = (exception, context) =>
                    {
                        logger.LogError(exception, "Resolver of {Type}.{Field} failed", context.ParentType.Name, context.Field.Name);
                        observe?.Invoke(exception, context);
                    },
                },
            };
            return new GraphQLEngine(schemaFactory(provider), engineOptions);
        });
        return services;
    }
}
