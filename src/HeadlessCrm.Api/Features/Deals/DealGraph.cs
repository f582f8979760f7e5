using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Deals;

/// <summary>Deals in GraphQL: the type, its relations (batched), and the list.</summary>
public static class DealGraph
{
    public const string TypeName = "Deal";

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
                .Resolve(c => PipelineGraph.LoadPipeline(c.Inner, c.Parent.PipelineId)))
            .Field("stageId", "UUID!")
            .Field("stage", "Stage", f => f
                .Description("Needs crm.pipelines.read.")
                .Resolve(c => PipelineGraph.LoadStage(c.Inner, c.Parent.StageId)))
            .Field("stageEnteredAt", "DateTime!")
            .Field("expectedCloseDate", "String", d => CommonTypes.Date(d.ExpectedCloseDate), "yyyy-MM-dd.")
            .Field("status", "DealStatus!")
            .Field("lostReason", "String")
            .Field("closedAt", "DateTime")
            .Field("companyId", "UUID")
            .Field("company", "Company", f => f
                .Description("Null when none, or when the caller cannot see it (needs crm.companies.read).")
                .Resolve(c => c.Parent.CompanyId is { } id ? c.Inner.LoadRecord(CompanyRecords.Type, id) : null))
            .Field("contactIds", "[UUID!]!")
            .Field("contacts", "[Contact!]", f => f
                .Description("The people involved that the caller can see (needs crm.contacts.read).")
                .Resolve(c => c.Inner.LoadRecords(ContactRecords.Type, c.Parent.ContactIds)))
            .Field("activities", "[Activity!]", f => f
                .Description("Its latest live activities (by timelineAt), newest first (needs crm.activities.read).")
                .ArgumentWithDefault("last", "Int", 5, "At most this many, 1 to 100.")
                .Resolve(c => c.Inner.LoadRelated<Deal, Activity, ActivityDto, DateTime>("dealActivities", ActivityRecords.Type, x => x.DealId, x => x.TimelineAt,
                    c.Parent.Id, Relations.Size(c.Argument<int>("last"), "last"))))
            .Field("ownerId", "UUID")
            .Field("tags", "[String!]!")
            .Field("customFields", "JSON!")
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!")
            .Field("archivedAt", "DateTime"))
        .AddRecordList("deals", TypeName, DealRecords.Type);
}
