using Microsoft.Net.Http.Headers;

namespace HeadlessCrm.GraphQL.AspNetCore.Http;

/// <summary>The media types of the GraphQL-over-HTTP draft and how a response picks one from the Accept header.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response type the client accepts: the GraphQL response type when listed, else application/json (also for
    /// no Accept header, as the draft asks for legacy clients); null when the client accepts neither (406).
    /// </summary>
    public static string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return Json;
        }

        var accepted = MediaTypeHeaderValue.ParseList([accept])
            .Where(m => m.Quality is not 0)
            .OrderByDescending(m => m.Quality ?? 1)
            .Select(m => m.MediaType.Value?.ToLowerInvariant())
            .ToList();
        foreach (var mediaType in accepted)
        {
            switch (mediaType)
            {
                case GraphQLResponse:
                    return GraphQLResponse;
                case Json or "application/*" or "*/*":
                    return accepted.Contains(GraphQLResponse) ? GraphQLResponse : Json;
            }
        }

        return null;
    }

    /// <summary>POST bodies must be JSON; a charset other than UTF-8 is refused.</summary>
    public static bool IsJsonContent(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Value is null || string.Equals(parsed.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));
}
