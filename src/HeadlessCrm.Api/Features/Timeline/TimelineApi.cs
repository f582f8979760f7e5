using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Timeline;

public static class TimelineApi
{
    public static IEndpointRouteBuilder MapTimelines(this IEndpointRouteBuilder app)
    {
        foreach (var (plural, subject) in new[]
                 {
                     ("contacts", TimelineQuery.Subject.Contact),
                     ("companies", TimelineQuery.Subject.Company),
                     ("deals", TimelineQuery.Subject.Deal),
                 })
        {
            var name = subject.ToString();
            app.MapGet($"/api/v1/{plural}/{{id:guid}}/timeline", async (Guid id, TimelineQuery timeline, int? limit, string? cursor, CancellationToken ct) =>
                    TypedResults.Ok(await timeline.PageAsync(subject, id, ListRequest.CheckLimit(limit ?? ListRequest.DefaultLimit), cursor, ct)))
                .WithTags(RecordEndpoints.Pascal(plural))
                .WithName($"Get{name}Timeline")
                .WithSummary($"The {name.ToLowerInvariant()}'s merged timeline: activities and deal stage changes, newest first")
                .ProducesProblem(StatusCodes.Status404NotFound)
                .RequireScope(Scopes.ActivitiesRead);
        }
        return app;
    }
}
