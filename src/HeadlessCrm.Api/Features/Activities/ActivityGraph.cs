using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Activities;

/// <summary>Activities in GraphQL: the type, what it is linked to (batched), and the list.</summary>
public static class ActivityGraph
{
    public const string TypeName = "Activity";

    /// <summary>The order of a record's nested activities: newest first by timelineAt, as its timeline.</summary>
    public static readonly SortKey<Activity, DateTime> NewestOnTimeline = new("timelineAt", a => a.TimelineAt);

    public static SchemaBuilder AddActivities(this SchemaBuilder builder) => builder
        .Object<ActivityDto>(TypeName, t => t
            .Description("A call, email, meeting, note or task on the timeline of a contact, company or deal.")
            .RecordFields(TypeName)
            .Field("type", "ActivityType!")
            .Field("subject", "String")
            .Field("body", "String")
            .Field("occurredAt", "DateTime")
            .Field("dueAt", "DateTime")
            .Field("reminderAt", "DateTime")
            .Field("completedAt", "DateTime")
            .Field("durationSeconds", "Int")
            .Field("direction", "ActivityDirection")
            .Field("outcome", "String")
            .Field("recordingUrl", "String")
            .Field("contactId", "UUID")
            .Field("contact", "Contact", f => f
                .Reads(nameof(ActivityDto.ContactId))
                .Resolve(c => c.Parent.ContactId is { } id ? c.Inner.LoadRecord(ContactRecords.Type, id) : null))
            .Field("companyId", "UUID")
            .Field("company", "Company", f => f
                .Reads(nameof(ActivityDto.CompanyId))
                .Resolve(c => c.Parent.CompanyId is { } id ? c.Inner.LoadRecord(CompanyRecords.Type, id) : null))
            .Field("dealId", "UUID")
            .Field("deal", "Deal", f => f
                .Reads(nameof(ActivityDto.DealId))
                .Resolve(c => c.Parent.DealId is { } id ? c.Inner.LoadRecord(DealRecords.Type, id) : null))
            .OwnedFields()
            .Field("timelineAt", "DateTime!", f => f.Description("occurredAt, else dueAt, else createdAt."))
            .TimestampFields())
        .AddRecordList("activities", TypeName, ActivityRecords.Type)
        .AddCreateAndUpdateInputs(TypeName, i => i
            .Field("type", "ActivityType")
            .Field("subject", "String")
            .Field("body", "String")
            .Field("occurredAt", "DateTime", "Defaults to now for everything but tasks.")
            .Field("dueAt", "DateTime", "Tasks only.")
            .Field("reminderAt", "DateTime", "Tasks only; not after dueAt.")
            .Field("completedAt", "DateTime", "Tasks only: set to complete the task, null to reopen it.")
            .Field("durationSeconds", "Int", "Calls and meetings.")
            .Field("direction", "ActivityDirection", "Calls and emails.")
            .Field("outcome", "String", "Calls and meetings, e.g. connected, no_answer, left_voicemail.")
            .Field("recordingUrl", "String", "Calls: an http(s) URL of the recording.")
            .Field("contactId", "UUID")
            .Field("companyId", "UUID")
            .Field("dealId", "UUID")
            .OwnedInputFields())
        .AddRecordMutations<Activity, ActivityDto, ActivityInput, ActivityUseCases>(TypeName, ActivityRecords.Type)
        .AddRecordSubscription("activityCreated", TypeName, ActivityRecords.Type, t => t == "activity.created",
            "Each activity logged that the caller can see");
}
