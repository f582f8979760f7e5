using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Segments;

public static class SegmentsApi
{
    public static IEndpointRouteBuilder MapSegments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/segments").WithTags("Segments");

        // Scopes depend on the segment's record type: the use cases demand its read or write scope.
        group.MapGet("", async (string? @object, SegmentUseCases segments, CancellationToken ct) =>
                TypedResults.Ok(new Page<SegmentDto>(await segments.ListAsync(@object, ct), null)))
            .WithName("ListSegments").WithSummary("List segments (of the record types you may read)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization();

        group.MapGet("/{id:guid}", async (Guid id, SegmentUseCases segments, CancellationToken ct) => TypedResults.Ok(await segments.GetAsync(id, ct)))
            .WithName("GetSegment").WithSummary("Get a segment")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();

        group.MapPost("", async (SegmentInput body, SegmentUseCases segments, CancellationToken ct) =>
            {
                var created = await segments.CreateAsync(body, ct);
                return TypedResults.Created($"/api/v1/segments/{created.Id}", created);
            })
            .WithName("CreateSegment").WithSummary("Save a filter tree over contacts, companies or deals as a segment")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization();

        group.MapPatch("/{id:guid}", async (Guid id, JsonElement body, SegmentUseCases segments, CancellationToken ct) =>
                TypedResults.Ok(await segments.UpdateAsync(id, RecordEndpoints.RequireObject(body), ct)))
            .WithName("UpdateSegment").WithSummary("Rename a segment or replace its filter (JSON merge patch; a filter is replaced whole)")
            .Accepts<SegmentInput>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization();

        group.MapDelete("/{id:guid}", async (Guid id, SegmentUseCases segments, CancellationToken ct) =>
            {
                await segments.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteSegment").WithSummary("Delete a segment (its records are untouched)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();

        group.MapGet("/{id:guid}/members", async (Guid id, string? limit, string? cursor, SegmentUseCases segments, CancellationToken ct) =>
                TypedResults.Ok(await segments.MembersAsync(id, ListRequest.ParseLimit(limit), cursor, ct)))
            .WithName("ListSegmentMembers")
            .WithSummary("The segment's records you can see, evaluated now (contacts, companies or deals as their lists return them)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();

        group.MapGet("/{id:guid}/count", async (Guid id, SegmentUseCases segments, CancellationToken ct) =>
                TypedResults.Ok(await segments.CountAsync(id, ct)))
            .WithName("CountSegmentMembers").WithSummary("How many of the segment's records you can see, evaluated now")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();

        return app;
    }
}
