using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Search;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        // The types searched are those the token may read (or the ones asked for, each needing its read scope).
        app.MapGet("/api/v1/search", async (string? q, string? types, int? limit, string? cursor, SearchQuery search, CancellationToken ct) =>
                TypedResults.Ok(await search.SearchAsync(q, types, ListRequest.CheckLimit(limit ?? ListRequest.DefaultLimit), cursor, ct)))
            .WithTags("Search")
            .WithName("Search")
            .WithSummary("Find contacts, companies and deals by what a person types (accent- and typo-tolerant, ranked)")
            .WithDescription("q: 2 to 200 characters; types: contacts, companies, deals (comma-separated, default: all you may read). " +
                             "Keyset-paged by rank: pass nextCursor back with the same q.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization();
        return app;
    }
}
