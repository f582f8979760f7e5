using System.Text.Json;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Deals;

/// <summary>Deals in GraphQL: the type, its relations (batched), and the list.</summary>
public static class DealGraph
{
    public const string TypeName = "Deal";

    private static readonly Relation<Deal, Contact, ContactDto> Contacts =
        new("dealContacts", ContactRecords.Type, (x, id) => x.DealLinks.Any(l => l.DealId == id), Relations.NewestCreated<Contact>());

    private static readonly Relation<Deal, Activity, ActivityDto> Activities =
        new("dealActivities", ActivityRecords.Type, (x, id) => x.DealId == id, ActivityGraph.NewestOnTimeline);

    public static SchemaBuilder AddDeals(this SchemaBuilder builder) => builder
        .Object<DealDto>(TypeName, t => t
            .Description("A sale in progress, moving through a pipeline's stages until a won or lost stage closes it.")
            .RecordFields(TypeName)
            .Field("title", "String!")
            .Field("amount", "Decimal")
            .Field("currency", "String", f => f.Description("ISO 4217."))
            .Field("pipelineId", "UUID!")
            .Field("pipeline", "Pipeline", f => f
                .Description("Needs crm.pipelines.read.")
                .Reads(nameof(DealDto.PipelineId))
                .Resolve(c => PipelineGraph.LoadPipeline(c.Inner, c.Parent.PipelineId)))
            .Field("stageId", "UUID!")
            .Field("stage", "Stage", f => f
                .Description("Needs crm.pipelines.read.")
                .Reads(nameof(DealDto.StageId))
                .Resolve(c => PipelineGraph.LoadStage(c.Inner, c.Parent.StageId)))
            .Field("stageEnteredAt", "DateTime!")
            .Field("expectedCloseDate", "String", d => CommonTypes.Date(d.ExpectedCloseDate), "yyyy-MM-dd.")
            .Field("status", "DealStatus!")
            .Field("lostReason", "String")
            .Field("closedAt", "DateTime")
            .Field("companyId", "UUID")
            .Field("company", "Company", f => f
                .Description("Null when none, or when the caller cannot see it (needs crm.companies.read).")
                .Reads(nameof(DealDto.CompanyId))
                .Resolve(c => c.Parent.CompanyId is { } id ? c.Inner.LoadRecord(CompanyRecords.Type, id) : null))
            .Field("contactIds", "[UUID!]!")
            .Field("contacts", "ContactConnection", f => f
                .Description("The live people involved that the caller can see, newest first (needs crm.contacts.read).")
                .RelationPageArguments()
                .Resolve(c => c.Inner.LoadPage(Contacts, c.Parent.Id)))
            .Field("activities", "ActivityConnection", f => f
                .Description("Its live activities, newest first by timelineAt (needs crm.activities.read).")
                .RelationPageArguments()
                .Resolve(c => c.Inner.LoadPage(Activities, c.Parent.Id)))
            .OwnedFields()
            .TimestampFields())
        .AddRecordList("deals", TypeName, DealRecords.Type)
        .AddCreateAndUpdateInputs(TypeName, i => i
            .Field("title", "String")
            .Field("amount", "Decimal")
            .Field("currency", "String", "ISO 4217; required with an amount.")
            .Field("pipelineId", "UUID", "Defaults to the stage's pipeline, or the first pipeline.")
            .Field("stageId", "UUID", "Defaults to the pipeline's first stage; changing it moves the deal.")
            .Field("expectedCloseDate", "String", "yyyy-MM-dd.")
            .Field("lostReason", "String", "Required to move a deal into a lost stage.")
            .Field("companyId", "UUID")
            .Field("contactIds", "[UUID!]", "The people involved; replaces the whole set.")
            .OwnedInputFields())
        .AddRecordMutations<Deal, DealDto, DealInput, DealUseCases>(TypeName, DealRecords.Type)
        .AddRecordSubscription("dealChanged", TypeName, DealRecords.Type, _ => true,
            "Every change of a deal the caller can see: created, updated, stage_changed, won, lost, archived, restored")
        .Mutation(m => m
            .Field("moveDeal", "DealPayload", f => f
                .Description("Moves a deal to a stage (of its or another pipeline), as PATCH with stageId; a lost stage needs lostReason.")
                .Argument("id", "ID!")
                .Argument("stageId", "ID!")
                .Argument("lostReason", "String")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(() => MoveAsync(c.Inner, GlobalId.Of(PipelineGraph.StageTypeName, c.Argument<string>("stageId")),
                    c.Argument<string?>("lostReason")))))
            .Field("winDeal", "DealPayload", f => f
                .Description("Moves a deal to the won stage of its pipeline.")
                .Argument("id", "ID!")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(() => CloseAsync(c.Inner, StageKind.Won, null))))
            .Field("loseDeal", "DealPayload", f => f
                .Description("Moves a deal to the lost stage of its pipeline, with the reason.")
                .Argument("id", "ID!")
                .Argument("lostReason", "String!")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(() => CloseAsync(c.Inner, StageKind.Lost, c.Argument<string>("lostReason")))))
            .Field("addDealContact", "DealPayload", f => f
                .Description("Adds a contact to a deal, as PUT /api/v1/deals/{id}/contacts/{contactId}.")
                .Argument("id", "ID!")
                .Argument("contactId", "ID!")
                .ResolveAsync(c => Mutations.RunAsync(async () =>
                {
                    var id = GlobalId.Of(TypeName, c.Argument<string>("id"));
                    await c.Service<DealUseCases>().AddContactAsync(id, GlobalId.Of(ContactGraph.TypeName, c.Argument<string>("contactId")), c.CancellationToken);
                    return await c.Service<RecordReader>().GetAsync(DealRecords.Type, id, c.CancellationToken);
                })))
            .Field("removeDealContact", "DealPayload", f => f
                .Description("Removes a contact from a deal.")
                .Argument("id", "ID!")
                .Argument("contactId", "ID!")
                .ResolveAsync(c => Mutations.RunAsync(async () =>
                {
                    var id = GlobalId.Of(TypeName, c.Argument<string>("id"));
                    await c.Service<DealUseCases>().RemoveContactAsync(id, GlobalId.Of(ContactGraph.TypeName, c.Argument<string>("contactId")), c.CancellationToken);
                    return await c.Service<RecordReader>().GetAsync(DealRecords.Type, id, c.CancellationToken);
                }))));

    /// <summary>A move is the update REST does for a PATCH of stageId (and lostReason): same rules, same stage history.</summary>
    private static Task<DealDto> MoveAsync(IResolveContext context, Guid stageId, string? lostReason)
    {
        var patch = JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["stageId"] = stageId, ["lostReason"] = lostReason });
        return context.Service<DealUseCases>().UpdateAsync(GlobalId.Of(TypeName, context.Argument<string>("id")),
            context.Argument<string?>("ifMatch"), patch, context.CancellationToken);
    }

    /// <summary>Won or lost: the first live stage of that kind in the deal's pipeline.</summary>
    private static async Task<DealDto> CloseAsync(IResolveContext context, StageKind kind, string? lostReason)
    {
        var deal = await context.Service<RecordReader>().GetAsync(DealRecords.Type, GlobalId.Of(TypeName, context.Argument<string>("id")), context.CancellationToken);
        var pipeline = await context.Service<PipelineUseCases>().GetAsync(deal.PipelineId, context.CancellationToken);
        var stage = pipeline.Stages.FirstOrDefault(s => s.Kind == kind)
            ?? throw new RuleViolationException("stageId", $"The deal's pipeline has no {kind.ToString().ToLowerInvariant()} stage.");
        return await MoveAsync(context, stage.Id, lostReason);
    }
}
