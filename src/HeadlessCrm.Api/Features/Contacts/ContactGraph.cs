using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Timeline;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>Contacts in GraphQL: the type, its relations (batched), its timeline, and the list.</summary>
public static class ContactGraph
{
    public const string TypeName = "Contact";

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
                .Resolve(c => c.Parent.CompanyId is { } id ? c.Inner.LoadRecord(CompanyRecords.Type, id) : null))
            .Field("birthday", "String", c => CommonTypes.Date(c.Birthday), "yyyy-MM-dd.")
            .Field("address", "Address!")
            .Field("lifecycleStage", "LifecycleStage!")
            .Field("source", "SourceChannel")
            .OwnedFields()
            .TimestampFields()
            .Field("activities", "[Activity!]", f => f
                .Description("Its latest live activities (by timelineAt), newest first (needs crm.activities.read).")
                .ArgumentWithDefault("last", "Int", 5, "At most this many, 1 to 100.")
                .Resolve(c => c.Inner.LoadRelated<Contact, Activity, ActivityDto, DateTime>("contactActivities", ActivityRecords.Type, x => x.ContactId, x => x.TimelineAt,
                    c.Parent.Id, Relations.Size(c.Argument<int>("last"), "last"))))
            .Field("timeline", "TimelineEntryConnection", f => f
                .Description("Its merged timeline (activities and its deals' stage changes), newest first, as GET /api/v1/contacts/{id}/timeline. " +
                    "Read per contact: for many contacts at once use activities(last:), which is batched.")
                .ArgumentWithDefault("first", "Int", 25, "Page size, 1 to 100.")
                .Argument("after", "String", "The endCursor of the previous page.")
                .ResolveAsync(async c =>
                {
                    var page = await c.Service<TimelineQuery>().PageAsync(TimelineQuery.Subject.Contact, c.Parent.Id,
                        Relations.Size(c.Argument<int>("first")), c.Argument<string?>("after"), c.CancellationToken);
                    return new Connection<TimelineEntryDto>(page);
                })))
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
}
