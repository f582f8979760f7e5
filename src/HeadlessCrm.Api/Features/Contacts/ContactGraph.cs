using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Timeline;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Execution.DataLoading;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>Contacts in GraphQL: the type, its relations (batched), its timeline, and the list.</summary>
public static class ContactGraph
{
    public const string TypeName = "Contact";

    private static readonly Relation<Contact, Activity, ActivityDto> Activities =
        new("contactActivities", ActivityRecords.Type, (x, id) => x.ContactId == id, ActivityGraph.NewestOnTimeline);

    private static readonly Relation<Contact, Deal, DealDto> Deals =
        new("contactDeals", DealRecords.Type, (x, id) => x.Contacts.Any(l => l.ContactId == id), Relations.NewestCreated<Deal>());

    public static SchemaBuilder AddContacts(this SchemaBuilder builder) => builder
        .Object<ContactEmail>("ContactEmail", t => t.Field("value", "String!").Field("label", "String").Field("primary", "Boolean!"))
        .Object<ContactPhone>("ContactPhone", t => t.Field("value", "String!").Field("label", "String").Field("primary", "Boolean!"))
        .Object<TimelineEntryDto>("TimelineEntry", t => t
            .Description("An activity or a deal entering a stage; kind says which of activity and stageChange is set.")
            .Field("kind", "String!", e => e.Kind)
            .Field("at", "DateTime!", e => e.At)
            .Field("activity", "Activity", e => e.Activity)
            .Field("stageChange", "StageChange", e => e.StageChange))
        .Object<StageChangeDto>("StageChange", t => t
            .Field("dealId", "UUID!", s => s.DealId)
            .Field("pipelineId", "UUID!", s => s.PipelineId)
            .Field("stageId", "UUID!", s => s.StageId)
            .Field("enteredAt", "DateTime!", s => s.EnteredAt)
            .Field("leftAt", "DateTime", s => s.LeftAt))
        .AddConnection<TimelineEntryDto>("TimelineEntry")
        .Object<ContactDto>(TypeName, t => t
            .Description("A person, usually at a company.")
            .RecordFields(TypeName)
            .Field("firstName", "String")
            .Field("lastName", "String")
            .Field("emails", "[ContactEmail!]!")
            .Field("phones", "[ContactPhone!]!")
            .Field("title", "String")
            .Field("companyId", "UUID")
            .Field("company", "Company", f => f
                .Description("Null when none, or when the caller cannot see it (needs crm.companies.read).")
                .Reads(nameof(ContactDto.CompanyId))
                .Resolve(c => c.Parent.CompanyId is { } id ? c.Inner.LoadRecord(CompanyRecords.Type, id) : null))
            .Field("birthday", "String", c => CommonTypes.Date(c.Birthday), "yyyy-MM-dd.")
            .Field("address", "Address!")
            .Field("lifecycleStage", "LifecycleStage!")
            .Field("source", "SourceChannel")
            .OwnedFields()
            .TimestampFields()
            .Field("activities", "ActivityConnection", f => f
                .Description("Its live activities, newest first by timelineAt (needs crm.activities.read).")
                .RelationPageArguments()
                .Resolve(c => c.Inner.LoadPage(Activities, c.Parent.Id)))
            .Field("deals", "DealConnection", f => f
                .Description("The live deals it is involved in that the caller can see, newest first (needs crm.deals.read).")
                .RelationPageArguments()
                .Resolve(c => c.Inner.LoadPage(Deals, c.Parent.Id)))
            .Field("timeline", "TimelineEntryConnection", f => f
                .Description("Its merged timeline (activities and its deals' stage changes), newest first, as GET /api/v1/contacts/{id}/timeline " +
                    "(needs crm.activities.read; stage changes need crm.deals.read). Read for all the contacts of a page at once.")
                .RelationPageArguments()
                .Resolve(c => LoadTimeline(c.Inner, c.Parent.Id))))
        .AddRecordList("contacts", TypeName, ContactRecords.Type)
        .AddCreateAndUpdateInputs(TypeName, i => i
            .Field("firstName", "String")
            .Field("lastName", "String")
            .Field("emails", "[EmailInput!]", "Replaces all emails.")
            .Field("phones", "[PhoneInput!]", "Replaces all phone numbers.")
            .Field("title", "String")
            .Field("companyId", "UUID")
            .Field("birthday", "String", "yyyy-MM-dd.")
            .Field("address", "AddressInput")
            .Field("lifecycleStage", "LifecycleStage", "Defaults to LEAD.")
            .Field("source", "SourceChannel")
            .OwnedInputFields())
        .AddRecordMutations<Contact, ContactDto, ContactInput, ContactUseCases>(TypeName, ContactRecords.Type)
        .AddRecordSubscription("contactChanged", TypeName, ContactRecords.Type, _ => true,
            "Every change of a contact the caller can see: created, updated, archived, restored");

    /// <summary>This contact's timeline page, read with those of every contact of the level (and their counts, if asked).</summary>
    private static Deferred<Connection<TimelineEntryDto>> LoadTimeline(IResolveContext context, Guid contactId)
    {
        var first = Relations.First(context);
        var after = context.Argument<string?>("after");
        if (after is not null) TimelineQuery.Decode(after, "after");
        var timeline = context.Service<TimelineQuery>();
        return context.DataLoader<Guid, Page<TimelineEntryDto>>($"contactTimeline/{first}/{after}",
                (ids, ct) => timeline.ContactPagesAsync(ids, first, after, ct))
            .Load(contactId)
            .Then(page => new Connection<TimelineEntryDto>(page ?? new Page<TimelineEntryDto>([], null), () =>
                context.DataLoader<Guid, int>("contactTimeline/count", timeline.ContactCountsAsync).Load(contactId)));
    }
}
