using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Execution.DataLoading;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Pipelines;

/// <summary>Pipelines and stages in GraphQL: a workspace's few pipelines are listed whole, in their order.</summary>
public static class PipelineGraph
{
    public const string TypeName = "Pipeline";
    public const string StageTypeName = "Stage";

    private static readonly Relation<PipelineStage, Deal, DealDto> StageDeals =
        new("stageDeals", DealRecords.Type, (x, id) => x.StageId == id, Relations.NewestCreated<Deal>());

    public static Deferred<PipelineDto?> LoadPipeline(IResolveContext context, Guid id)
    {
        var pipelines = context.Service<PipelineUseCases>();
        return context.DataLoader<Guid, PipelineDto>("pipeline", pipelines.GetManyAsync).Load(id);
    }

    public static Deferred<StageDto?> LoadStage(IResolveContext context, Guid id)
    {
        var pipelines = context.Service<PipelineUseCases>();
        return context.DataLoader<Guid, StageDto>("stage", pipelines.GetStagesAsync).Load(id);
    }

    public static SchemaBuilder AddPipelines(this SchemaBuilder builder) => builder
        .Object<PipelineDto>(TypeName, t => t
            .Description("An ordered series of stages deals move through.")
            .RecordFields(TypeName)
            .Field("name", "String!")
            .Field("position", "Int!")
            .Field("stages", "[Stage!]!", f => f.Description("In order; archived stages are left out."))
            .TimestampFields())
        .Object<StageDto>(StageTypeName, t => t
            .Implements("Node")
            .Field("id", "ID!", s => GlobalId.Encode(StageTypeName, s.Id))
            .Field("recordId", "UUID!", s => s.Id)
            .Field("name", "String!", s => s.Name)
            .Field("position", "Int!", s => s.Position)
            .Field("probability", "Decimal!", s => s.Probability, "From 0 to 1: how likely a deal here is won.")
            .Field("kind", "StageKind!", s => s.Kind)
            .Field("deals", "DealConnection", f => f
                .Description("Its live deals the caller can see, newest first (needs crm.deals.read).")
                .RelationPageArguments()
                .Resolve(c => c.Inner.LoadPage(StageDeals, c.Parent.Id))))
        .AddConnection<PipelineDto>(TypeName)
        .Query(q => q.Field("pipelines", "PipelineConnection", f => f
            .Description("Every pipeline, in order, on one page (needs crm.pipelines.read).")
            .ArgumentWithDefault("archived", "Boolean", false, "True to list archived pipelines instead of live ones.")
            .ResolveAsync(async c =>
            {
                var pipelines = await c.Service<PipelineUseCases>().ListAsync(c.Argument<bool>("archived"), c.CancellationToken);
                return new Connection<PipelineDto>(new Page<PipelineDto>(pipelines, null)
                {
                    ItemCursors = pipelines.Select(p => new Cursor("position", p.Position, p.Id)).ToList(),
                });
            })))
        .AddPayload<PipelineDto>(TypeName, "pipeline")
        .AddPipelineInputs()
        .Mutation(m => m
            .Field("createPipeline", "PipelinePayload", f => f
                .Description("Creates a pipeline with its stages, as POST /api/v1/pipelines (needs crm.pipelines.write).")
                .Argument("input", "CreatePipelineInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<PipelineUseCases>().CreateAsync(RequestJson.Read<PipelineInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("updatePipeline", "PipelinePayload", f => f
                .Description("Changes a pipeline: fields left out stay, fields set to null are cleared.")
                .Argument("id", "ID!")
                .Argument("patch", "UpdatePipelineInput!")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(() => c.Service<PipelineUseCases>().UpdateAsync(Id(c.Inner), c.Argument<string?>("ifMatch"),
                    Inputs.Body(c.Inner, "patch"), c.CancellationToken))))
            .Field("archivePipeline", "PipelinePayload", f => f
                .Argument("id", "ID!")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(async () =>
                {
                    var pipelines = c.Service<PipelineUseCases>();
                    await pipelines.ArchiveAsync(Id(c.Inner), c.Argument<string?>("ifMatch"), c.CancellationToken);
                    return await pipelines.GetAsync(Id(c.Inner), c.CancellationToken);
                })))
            .Field("restorePipeline", "PipelinePayload", f => f
                .Argument("id", "ID!")
                .IfMatchArgument()
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<PipelineUseCases>().RestoreAsync(Id(c.Inner), c.Argument<string?>("ifMatch"), c.CancellationToken))))
            .Field("addStage", "PipelinePayload", f => f
                .Description("Adds a stage, as POST /api/v1/pipelines/{id}/stages.")
                .Argument("pipelineId", "ID!")
                .Argument("input", "StageInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<PipelineUseCases>().AddStageAsync(
                    GlobalId.Of(TypeName, c.Argument<string>("pipelineId")), RequestJson.Read<StageInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("updateStage", "PipelinePayload", f => f
                .Description("Changes a stage: fields left out stay, fields set to null are cleared.")
                .Argument("pipelineId", "ID!")
                .Argument("stageId", "ID!")
                .Argument("patch", "UpdateStageInput!")
                .ResolveAsync(c => Mutations.RunAsync(() => c.Service<PipelineUseCases>().UpdateStageAsync(
                    GlobalId.Of(TypeName, c.Argument<string>("pipelineId")), GlobalId.Of(StageTypeName, c.Argument<string>("stageId")),
                    Inputs.Body(c.Inner, "patch"), c.CancellationToken))))
            .Field("archiveStage", "PipelinePayload", f => f
                .Argument("pipelineId", "ID!")
                .Argument("stageId", "ID!")
                .ResolveAsync(c => Mutations.RunAsync(() => c.Service<PipelineUseCases>().ArchiveStageAsync(
                    GlobalId.Of(TypeName, c.Argument<string>("pipelineId")), GlobalId.Of(StageTypeName, c.Argument<string>("stageId")), c.CancellationToken)))));

    private static SchemaBuilder AddPipelineInputs(this SchemaBuilder builder) => builder
        .InputObject("CreatePipelineInput", i => i
            .Description("A new pipeline with its stages; which fields are required is checked by REST's rules and reported as userErrors.")
            .Field("name", "String")
            .Field("position", "Int", "Where it sorts among the workspace's pipelines; defaults to last.")
            .Field("stages", "[StageInput!]", "The stages in order: at least one open, one won and one lost."))
        .InputObject("UpdatePipelineInput", i => i
            .Description("A merge patch of a pipeline; its stages change through addStage, updateStage and archiveStage.")
            .Field("name", "String")
            .Field("position", "Int"))
        .InputObject("StageInput", i => StageFields(i))
        .InputObject("UpdateStageInput", i => StageFields(i.Description("A merge patch of a stage.")));

    private static InputObjectTypeBuilder StageFields(InputObjectTypeBuilder input) => input
        .Field("name", "String")
        .Field("probability", "Decimal", "0 to 1; defaults to 1 for a won stage, 0 for a lost one, and must be given for an open one.")
        .Field("kind", "StageKind", "Defaults to OPEN.")
        .Field("position", "Int", "Zero-based place among the pipeline's stages; defaults to last.");

    private static Guid Id(IResolveContext context) => GlobalId.Of(TypeName, context.Argument<string>("id"));
}
