using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Activities;

/// <summary>Activities as a record type: public shape, filters (tasks due, overdue, completed), sorts, list parameters.</summary>
public static class ActivityRecords
{
    public static readonly FilterSchema<Activity> Filters = new FilterSchema<Activity>()
        .Field("id", a => a.Id)
        .Field("type", a => a.Type)
        .Field("subject", a => a.Subject)
        .Field("direction", a => a.Direction)
        .Field("outcome", a => a.Outcome)
        .Field("occurredAt", a => a.OccurredAt)
        .Field("dueAt", a => a.DueAt)
        .Field("completedAt", a => a.CompletedAt)
        .Flag("completed", _ => a => a.CompletedAt != null)
        .Flag("overdue", context =>
        {
            var now = context.Now;
            return a => a.Type == ActivityType.Task && a.CompletedAt == null && a.DueAt < now;
        })
        .Field("contactId", a => a.ContactId)
        .Field("companyId", a => a.CompanyId)
        .Field("dealId", a => a.DealId)
        .Field("ownerId", a => a.OwnerId)
        .Tags("tags", a => a.Tags)
        .Field("createdAt", a => a.CreatedAt)
        .Field("updatedAt", a => a.UpdatedAt)
        .CustomFields("activities", a => a.CustomFields);

    public static readonly RecordType<Activity, ActivityDto> Type = new()
    {
        Name = "activity",
        Plural = "activities",
        ReadScope = Scopes.ActivitiesRead,
        WriteScope = Scopes.ActivitiesWrite,
        Projection = a => new ActivityDto
        {
            Id = a.Id,
            Type = a.Type,
            Subject = a.Subject,
            Body = a.Body,
            OccurredAt = a.OccurredAt,
            DueAt = a.DueAt,
            ReminderAt = a.ReminderAt,
            CompletedAt = a.CompletedAt,
            DurationSeconds = a.DurationSeconds,
            Direction = a.Direction,
            Outcome = a.Outcome,
            RecordingUrl = a.RecordingUrl,
            ContactId = a.ContactId,
            CompanyId = a.CompanyId,
            DealId = a.DealId,
            OwnerId = a.OwnerId,
            Tags = a.Tags,
            CustomFields = a.CustomFields,
            TimelineAt = a.TimelineAt,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            ArchivedAt = a.ArchivedAt,
            Version = a.Version,
        },
        Filters = Filters,
        Sorts = new SortSchema<Activity>("-timelineAt")
            .Key("timelineAt", a => a.TimelineAt)
            .Key("createdAt", a => a.CreatedAt)
            .Key("updatedAt", a => a.UpdatedAt)
            .NullableKey("dueAt", a => a.DueAt)
            .CustomFields("activities", a => a.CustomFields),
        Parameters =
        [
            new("type", "type", FilterOperator.Eq, "call, email, meeting, note or task (comma-separated: any)."),
            new("ownerId", "ownerId", FilterOperator.Eq, "Owned by this member (comma-separated: any of them)."),
            new("contactId", "contactId", FilterOperator.Eq, "Linked to this contact."),
            new("companyId", "companyId", FilterOperator.Eq, "Linked to this company."),
            new("dealId", "dealId", FilterOperator.Eq, "Linked to this deal."),
            new("completed", "completed", FilterOperator.Eq, "true: completed tasks; false: everything not completed."),
            new("overdue", "overdue", FilterOperator.Eq, "true: open tasks past their due time."),
            new("dueAfter", "dueAt", FilterOperator.Gte, "Due at or after this time."),
            new("dueBefore", "dueAt", FilterOperator.Lt, "Due before this time."),
            new("occurredAfter", "occurredAt", FilterOperator.Gte, "Happened at or after this time."),
            new("occurredBefore", "occurredAt", FilterOperator.Lt, "Happened before this time."),
            new("tag", "tags", FilterOperator.Contains, "Has this tag."),
            new("createdAfter", "createdAt", FilterOperator.Gte, "Created at or after this time."),
            new("createdBefore", "createdAt", FilterOperator.Lt, "Created before this time."),
        ],
    };
}
