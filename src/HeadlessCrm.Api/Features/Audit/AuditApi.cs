using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.OpenApi;

namespace HeadlessCrm.Api.Features.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        MapRecordHistory(app, CompanyRecords.Type);
        MapRecordHistory(app, ContactRecords.Type);
        MapRecordHistory(app, DealRecords.Type);
        MapRecordHistory(app, ActivityRecords.Type);

        app.MapGet("/api/v1/audit", async (HttpContext http, AuditQueries audit, CancellationToken ct) =>
                TypedResults.Ok(await audit.OfWorkspaceAsync(ListRequest.FromQuery(http.Request.Query, AuditQueries.Parameters), ct)))
            .WithTags("Audit").WithName("ListAuditEvents").WithSummary("The workspace's audit trail, newest first")
            .WithMetadata(new ListParametersMetadata(AuditQueries.Parameters, ["occurredAt"], "-occurredAt"))
            .RequireScope(Scopes.Admin);
        return app;
    }

    private static void MapRecordHistory<TEntity, TDto>(IEndpointRouteBuilder app, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned =>
        app.MapGet($"/api/v1/{type.Plural}/{{id:guid}}/audit", async (Guid id, HttpContext http, AuditQueries audit, CancellationToken ct) =>
                TypedResults.Ok(await audit.OfRecordAsync(type, id, ListRequest.FromQuery(http.Request.Query, []), ct)))
            .WithTags(RecordEndpoints.Pascal(type.Plural))
            .WithName($"Get{RecordEndpoints.Pascal(type.Name)}Audit")
            .WithSummary($"Every change of the {type.Name}, newest first: who, when, which fields (old → new)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(type.ReadScope);
}
