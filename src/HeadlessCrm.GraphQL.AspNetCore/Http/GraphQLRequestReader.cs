using System.Text.Json;
using HeadlessCrm.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.GraphQL.AspNetCore.Http;

/// <summary>Reads the request parameters (query, operationName, variables, extensions) from a POST body or a GET query string.</summary>
internal static class GraphQLRequestReader
{
    public static async Task<(GraphQLRequest? Request, string? Problem)> ReadPostAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FromJson(document.RootElement)
                : (null, "The request body must be a JSON object.");
        }
    }

    public static (GraphQLRequest? Request, string? Problem) ReadGet(IQueryCollection query)
    {
        if (query["query"].Count > 1 || query["operationName"].Count > 1 || query["variables"].Count > 1 || query["extensions"].Count > 1)
        {
            return (null, "Each GraphQL parameter may be given only once.");
        }

        var (variables, variablesProblem) = ParseObjectParameter(query["variables"].ToString(), "variables");
        var (extensions, extensionsProblem) = ParseObjectParameter(query["extensions"].ToString(), "extensions");
        if ((variablesProblem ?? extensionsProblem) is { } problem)
        {
            return (null, problem);
        }

        var operationName = query["operationName"].ToString();
        return (new GraphQLRequest
        {
            Query = query["query"].Count == 0 ? null : query["query"].ToString(),
            OperationName = operationName.Length == 0 ? null : operationName,
            Variables = variables,
            Extensions = extensions,
        }, null);
    }

    private static (GraphQLRequest? Request, string? Problem) FromJson(JsonElement body)
    {
        string? Text(string name, out string? problem)
        {
            problem = null;
            if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                problem = $"The \"{name}\" parameter must be a string.";
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        IReadOnlyDictionary<string, object?>? Map(string name, out string? problem)
        {
            problem = null;
            if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                problem = $"The \"{name}\" parameter must be a JSON object.";
                return null;
            }

            return JsonInput.ToDictionary(value);
        }

        var request = new GraphQLRequest
        {
            Query = Text("query", out var queryProblem),
            OperationName = Text("operationName", out var nameProblem),
            Variables = Map("variables", out var variablesProblem),
            Extensions = Map("extensions", out var extensionsProblem),
        };
        var problem = queryProblem ?? nameProblem ?? variablesProblem ?? extensionsProblem;
        return problem is null ? (request, null) : (null, problem);
    }

    private static (IReadOnlyDictionary<string, object?>? Value, string? Problem) ParseObjectParameter(string text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => (JsonInput.ToDictionary(document.RootElement), null),
                JsonValueKind.Null => (null, null),
                _ => (null, $"The \"{name}\" parameter must be a JSON object."),
            };
        }
        catch (JsonException)
        {
            return (null, $"The \"{name}\" parameter is not valid JSON.");
        }
    }
}
