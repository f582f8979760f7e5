using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Activities;

public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivities(this IEndpointRouteBuilder app) => app
        .MapRecordRoutes(ActivityRecords.Type)
        .MapRecordWrites<Activity, ActivityDto, ActivityInput, ActivityUseCases>(ActivityRecords.Type);
}
