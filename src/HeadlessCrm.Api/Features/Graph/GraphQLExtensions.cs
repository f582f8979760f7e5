using HeadlessCrm.GraphQL;
using HeadlessCrm.GraphQL.AspNetCore;
using HeadlessCrm.GraphQL.Validation;

namespace HeadlessCrm.Api.Features.Graph;

public static class GraphQLExtensions
{
    /// <summary>
    /// Limits every query must stay within (see docs/graphql.md). Every list that can be long takes first/last (with a
    /// default) and is costed by it; the others (edges and nodes of a connection already costed by its first, stages,
    /// emails, tags) count as one item.
    /// </summary>
    public static readonly QueryLimits Limits = new() { MaxDepth = 12, MaxAliases = 30, MaxComplexity = 10_000, DefaultListSize = 1 };

    /// <summary>The engine with the CRM schema, its limits, and errors mapped as REST maps them.</summary>
    public static WebApplicationBuilder AddCrmGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddGraphQL(_ => CrmSchema.Build(), options =>
        {
            options.Engine = options.Engine with
            {
                Limits = Limits,
                Execution = options.Engine.Execution with { ErrorFilter = GraphErrors.Filter },
            };
            options.OnConnectionInit = SocketAuthentication.AuthenticateAsync;
        });
        return builder;
    }

    /// <summary>
    /// POST/GET /graphql (a bearer token is required: 401 without), and graphql-transport-ws subscriptions on the same
    /// path (token on the upgrade or in connection_init).
    /// </summary>
    public static WebApplication MapCrmGraphQL(this WebApplication app)
    {
        app.MapGraphQL("/graphql").RequireAuthorization(policy =>
            policy.RequireAssertion(context => SocketAuthentication.AllowsRequest(context.User, context.Resource)));
        return app;
    }
}
