using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Identity.Discovery;
using Microsoft.OpenApi;

namespace HeadlessCrm.Api.Infrastructure.OpenApi;

public static class OpenApiExtensions
{
    public const string SecurityScheme = "oauth2";
    public const string DocumentPath = "/openapi/v1.json";

    public static WebApplicationBuilder AddCrmOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "HeadlessCrm API",
                Version = "v1",
                Description = "Companies, contacts, pipelines, deals and activities over REST. See docs/ for conventions. Besides the "
                    + "responses listed per operation, any operation may answer 429 (the caller's rate limit) or 503 (the host or "
                    + "its database at capacity), both with Retry-After and an application/problem+json body (docs/errors.md).",
            });
            options.AddSecurityDefinition(SecurityScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "OAuth 2 access tokens from the server's own token endpoint.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(DiscoveryEndpoints.TokenPath, UriKind.Relative),
                        Scopes = Scopes.Descriptions.ToDictionary(),
                    },
                },
            });
            options.OperationFilter<CrmOperationFilter>();
            options.MapType<System.Text.Json.Nodes.JsonObject>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalPropertiesAllowed = true,
                Description = "Custom field values by key.",
            });
            options.MapType<System.Text.Json.Nodes.JsonNode>(() => new OpenApiSchema
            {
                Description = "Any JSON value: a string, number, boolean, array or object.",
            });
            options.SupportNonNullableReferenceTypes();
            options.CustomSchemaIds(SchemaId);
        });
        return builder;
    }

    /// <summary>CompanyDto → Company, Page&lt;CompanyDto&gt; → CompanyPage.</summary>
    private static string SchemaId(Type type)
    {
        var name = type.Name.Replace("Dto", "", StringComparison.Ordinal);
        if (!type.IsGenericType) return type.IsNested ? type.DeclaringType!.Name + name : name;
        return string.Concat(type.GetGenericArguments().Select(SchemaId)) + name[..name.IndexOf('`')];
    }

    public static WebApplication MapCrmOpenApi(this WebApplication app)
    {
        // Only on /openapi: the middleware resolves its document generator (a transient) for every request it sees.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase),
            openApi => openApi.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json"));
        return app;
    }
}
