using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;

namespace HeadlessCrm.Api.Features.Pipelines;

public static class PipelinesApi
{
    public static RouteGroupBuilder MapPipelines(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/pipelines").WithTags("Pipelines");

        group.MapGet("", async (PipelineUseCases pipelines, bool? archived, CancellationToken ct) =>
                TypedResults.Ok(new Page<PipelineDto>(await pipelines.ListAsync(archived ?? false, ct), null)))
            .WithName("ListPipelines").WithSummary("List pipelines with their stages, in order (one page: a workspace has few)")
            .RequireScope(Scopes.PipelinesRead);

        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, PipelineUseCases pipelines, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await pipelines.GetAsync(id, ct)))
            .WithName("GetPipeline").WithSummary("Get a pipeline with its stages")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.PipelinesRead);

        group.MapPost("", async (PipelineInput body, HttpContext http, PipelineUseCases pipelines, CancellationToken ct) =>
            {
                var pipeline = await pipelines.CreateAsync(body, ct);
                return RecordEndpoints.Created(http, "pipelines", pipeline.Id, pipeline);
            })
            .WithName("CreatePipeline").WithSummary("Create a pipeline with its stages")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.PipelinesWrite);

        group.MapPatch("/{id:guid}", async (Guid id, JsonElement body, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, PipelineUseCases pipelines, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await pipelines.UpdateAsync(id, ifMatch, RecordEndpoints.RequireObject(body), ct)))
            .WithName("UpdatePipeline").WithSummary("Rename or reorder a pipeline (JSON merge patch)")
            .Accepts<PipelineInput>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.PipelinesWrite);

        group.MapDelete("/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch,
                PipelineUseCases pipelines, CancellationToken ct) =>
            {
                await pipelines.ArchiveAsync(id, ifMatch, ct);
                return TypedResults.NoContent();
            })
            .WithName("ArchivePipeline").WithSummary("Archive a pipeline without open deals")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.PipelinesWrite);

        group.MapPost("/{id:guid}/restore", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, PipelineUseCases pipelines, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await pipelines.RestoreAsync(id, ifMatch, ct)))
            .WithName("RestorePipeline").WithSummary("Restore an archived pipeline")
            .RequireScope(Scopes.PipelinesWrite);

        group.MapPost("/{id:guid}/stages", async (Guid id, StageInput body, HttpContext http, PipelineUseCases pipelines, CancellationToken ct) =>
            {
                var pipeline = await pipelines.AddStageAsync(id, body, ct);
                return RecordEndpoints.Created(http, "pipelines", pipeline.Id, pipeline);
            })
            .WithName("AddStage").WithSummary("Add a stage to a pipeline (returns the pipeline)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.PipelinesWrite);

        group.MapPatch("/{id:guid}/stages/{stageId:guid}", async (Guid id, Guid stageId, JsonElement body,
                HttpContext http, PipelineUseCases pipelines, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await pipelines.UpdateStageAsync(id, stageId, RecordEndpoints.RequireObject(body), ct)))
            .WithName("UpdateStage").WithSummary("Rename, re-weight, re-kind or move a stage (JSON merge patch; returns the pipeline)")
            .Accepts<StageInput>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.PipelinesWrite);

        group.MapDelete("/{id:guid}/stages/{stageId:guid}", async (Guid id, Guid stageId, HttpContext http,
                PipelineUseCases pipelines, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await pipelines.ArchiveStageAsync(id, stageId, ct)))
            .WithName("ArchiveStage").WithSummary("Archive a stage no deal is in (returns the pipeline)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.PipelinesWrite);

        return group;
    }
}
