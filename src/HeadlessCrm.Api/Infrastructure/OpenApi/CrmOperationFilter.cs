using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace HeadlessCrm.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents what the endpoints declare but Swashbuckle cannot see: each operation's OAuth scope (and its 401/403),
/// the query parameters of lists and reports, and Idempotency-Key on POST.
/// </summary>
public sealed class CrmOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var scopes = metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<ScopeRequirement>()
            .Select(r => r.Scope).Distinct().ToList();
        if (scopes.Count > 0)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OpenApiExtensions.SecurityScheme, context.Document)] = scopes,
            });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", Problem(context, "No valid access token."));
            operation.Responses.TryAdd("403", Problem(context, $"The token lacks the scope {string.Join(", ", scopes)}."));
            operation.Description = $"{operation.Description} Scope: `{string.Join("`, `", scopes)}`.".Trim();
        }

        if (metadata.OfType<ListParametersMetadata>().FirstOrDefault() is { } list) AddListParameters(operation, list);
        if (metadata.OfType<QueryParametersMetadata>().FirstOrDefault() is { } query)
        {
            operation.Parameters ??= [];
            foreach (var (name, description) in query.Parameters)
                operation.Parameters.Add(Query(name, description, new OpenApiSchema { Type = JsonSchemaType.String }));
        }
        DescribeRawBody(operation, context, metadata);

        if (context.ApiDescription.HttpMethod == "POST")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Description = "Makes a retry safe: the same key with the same request returns the first response (kept 24 h).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }
    }

    /// <summary>Endpoints that read their body as raw JSON (merge patches, generic creates) name its shape with Accepts.</summary>
    private static void DescribeRawBody(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        var declared = metadata.OfType<IAcceptsMetadata>().LastOrDefault(m => m.RequestType is { } t && t != typeof(JsonElement));
        if (declared is null || operation.RequestBody?.Content is not { } content) return;
        var schema = context.SchemaGenerator.GenerateSchema(declared.RequestType!, context.SchemaRepository);
        foreach (var mediaType in content.Keys.ToList())
            content[mediaType] = new OpenApiMediaType { Schema = schema };
    }

    private static void AddListParameters(OpenApiOperation operation, ListParametersMetadata list)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(Query("limit", $"Page size, 1–{ListRequest.MaxLimit} (default {ListRequest.DefaultLimit}).",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = ListRequest.MaxLimit.ToString(), Default = ListRequest.DefaultLimit }));
        operation.Parameters.Add(Query("cursor", "The nextCursor of the previous page.", new OpenApiSchema { Type = JsonSchemaType.String }));
        operation.Parameters.Add(Query("sort", $"Sort field, '-' for descending (default {list.DefaultSort}).", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = list.Sorts.SelectMany(s => new[] { s, "-" + s }).Select(s => (JsonNode)JsonValue.Create(s)!).ToList(),
        }));
        operation.Parameters.Add(Query("archived", "true lists archived records instead of live ones.", new OpenApiSchema { Type = JsonSchemaType.Boolean }));
        foreach (var parameter in list.Parameters)
            operation.Parameters.Add(Query(parameter.Name, parameter.Description, new OpenApiSchema { Type = JsonSchemaType.String }));
    }

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Query, Description = description, Schema = schema };

    private static OpenApiResponse Problem(OperationFilterContext context, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) },
        },
    };
}
