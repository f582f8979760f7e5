using System.Text.Encodings.Web;
using System.Text.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Language.Ast;
using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.GraphQL.AspNetCore.Http;

/// <summary>
/// Serves GraphQL over HTTP (GraphQL-over-HTTP draft): POST with a JSON body, GET with query parameters for
/// queries only. With application/graphql-response+json a response without data is a 400 and one with data a 200;
/// with application/json every well-formed request gets a 200, as legacy clients expect.
/// </summary>
internal static class GraphQLHttpHandler
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task HandleAsync(HttpContext context, GraphQLEngine engine, GraphQLServerOptions options)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method) && options.EnableGetRequests;
        if (!isGet && !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = options.EnableGetRequests ? "GET, POST" : "POST";
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept.ToString());
        if (mediaType is null)
        {
            await WriteProblemAsync(context, MediaTypes.Json, StatusCodes.Status406NotAcceptable, "Accept application/graphql-response+json or application/json.");
            return;
        }

        if (!isGet && !MediaTypes.IsJsonContent(context.Request.ContentType))
        {
            await WriteProblemAsync(context, mediaType, StatusCodes.Status415UnsupportedMediaType, "Send the request as application/json.");
            return;
        }

        var (request, problem) = isGet
            ? GraphQLRequestReader.ReadGet(context.Request.Query)
            : await GraphQLRequestReader.ReadPostAsync(context.Request);
        if (request is null)
        {
            await WriteProblemAsync(context, mediaType, StatusCodes.Status400BadRequest, problem!);
            return;
        }

        var requestContext = new RequestContext(context.RequestServices, context.User, context.RequestAborted);
        var result = await engine.ExecuteAsync(request, requestContext, kind => kind == OperationType.Query || (!isGet && kind == OperationType.Mutation));
        await WriteResultAsync(context, mediaType, StatusCodeFor(result, mediaType, isGet), result);
    }

    private static int StatusCodeFor(ExecutionResult result, string mediaType, bool isGet)
    {
        if (result.HasData)
        {
            return StatusCodes.Status200OK;
        }

        var notAllowed = result.Errors?.Any(e => Equals(e.Extensions?.GetValueOrDefault("code"), GraphQLEngine.OperationNotAllowedCode)) == true;
        if (notAllowed && isGet)
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        return mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    private static async Task WriteResultAsync(HttpContext context, string mediaType, int statusCode, ExecutionResult result)
    {
        context.Response.StatusCode = statusCode;
        if (statusCode == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = "POST";
        }

        context.Response.ContentType = mediaType + "; charset=utf-8";
        // Into the response's pipe, which only buffers: values serialized by System.Text.Json flush the writer, and a
        // synchronous write to the body stream is refused by Kestrel and the test server.
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
        {
            ExecutionResultWriter.Write(writer, result);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static Task WriteProblemAsync(HttpContext context, string mediaType, int statusCode, string message) =>
        WriteResultAsync(context, mediaType, statusCode, ExecutionResult.FromErrors([new GraphQLError(message)]));
}
