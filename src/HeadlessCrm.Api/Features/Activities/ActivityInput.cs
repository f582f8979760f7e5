using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Activities;

/// <summary>The writable fields of an activity. Which apply depends on the type (a call has a direction, a task a due date).</summary>
public sealed record ActivityInput : IRecordInput<Activity, ActivityInput>
{
    public ActivityType? Type { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    /// <summary>When it happened; defaults to now for everything but tasks.</summary>
    public DateTime? OccurredAt { get; init; }
    /// <summary>Tasks only.</summary>
    public DateTime? DueAt { get; init; }
    /// <summary>Tasks only: when to remind the owner; not after dueAt.</summary>
    public DateTime? ReminderAt { get; init; }
    /// <summary>Tasks only: set to complete the task, null to reopen it.</summary>
    public DateTime? CompletedAt { get; init; }
    /// <summary>Calls and meetings.</summary>
    public int? DurationSeconds { get; init; }
    /// <summary>Calls and emails.</summary>
    public ActivityDirection? Direction { get; init; }
    /// <summary>Calls and meetings, e.g. connected, no_answer, left_voicemail.</summary>
    public string? Outcome { get; init; }
    /// <summary>Calls: an http(s) URL of the recording.</summary>
    public string? RecordingUrl { get; init; }
    public Guid? ContactId { get; init; }
    public Guid? CompanyId { get; init; }
    public Guid? DealId { get; init; }
    /// <summary>A member of the workspace; defaults to the calling member.</summary>
    public Guid? OwnerId { get; init; }
    public string[]? Tags { get; init; }
    public JsonObject? CustomFields { get; init; }

    public static ActivityInput From(Activity a) => new()
    {
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
    };

    public void Check(RuleCheck check)
    {
        check.Required(Type, "type")
            .Text(Subject, "subject", 500)
            .Text(Body, "body", 100_000)
            .Text(Outcome, "outcome", 100)
            .Must(DurationSeconds is null or >= 0 and <= 7 * 24 * 3600, "durationSeconds", "From 0 to a week.")
            .Must(RecordingUrl is null || RecordingUrl.Length <= 2000 && Uri.TryCreate(RecordingUrl, UriKind.Absolute, out var url)
                && url.Scheme is "https" or "http", "recordingUrl", "An absolute http(s) URL.")
            .Tags(Tags)
            .CustomFields(CustomFields);

        var type = Type ?? ActivityType.Note;
        var task = type == ActivityType.Task;
        check.Must(task || DueAt is null, "dueAt", "Only tasks have a due date.")
            .Must(task || ReminderAt is null, "reminderAt", "Only tasks have a reminder.")
            .Must(task || CompletedAt is null, "completedAt", "Only tasks are completed.")
            .Must(ReminderAt is null || DueAt is null || ReminderAt <= DueAt, "reminderAt", "Not after dueAt.")
            .Must(type is ActivityType.Call or ActivityType.Email || Direction is null, "direction", "Only calls and emails have a direction.")
            .Must(type is ActivityType.Call or ActivityType.Meeting || DurationSeconds is null, "durationSeconds", "Only calls and meetings have a duration.")
            .Must(type is ActivityType.Call or ActivityType.Meeting || Outcome is null, "outcome", "Only calls and meetings have an outcome.")
            .Must(type == ActivityType.Call || RecordingUrl is null, "recordingUrl", "Only calls have a recording.")
            .Must(task || !string.IsNullOrWhiteSpace(Subject) || !string.IsNullOrWhiteSpace(Body), "subject", "Give a subject or a body.")
            .Must(!task || !string.IsNullOrWhiteSpace(Subject), "subject", "A task needs a subject.");
    }

    public ActivityInput WithDefaults(Guid? callerMemberId) => this with { OwnerId = OwnerId ?? callerMemberId };

    /// <summary>Fills the occurrence time of a non-task logged without one.</summary>
    public ActivityInput Stamped(DateTime now) =>
        Type != ActivityType.Task && OccurredAt is null ? this with { OccurredAt = now } : this;

    public void ApplyTo(Activity a)
    {
        a.Type = Type!.Value;
        a.Subject = Subject?.Trim();
        a.Body = Body;
        a.OccurredAt = OccurredAt;
        a.DueAt = DueAt;
        a.ReminderAt = ReminderAt;
        a.CompletedAt = CompletedAt;
        a.DurationSeconds = DurationSeconds;
        a.Direction = Direction;
        a.Outcome = Outcome;
        a.RecordingUrl = RecordingUrl;
        a.ContactId = ContactId;
        a.CompanyId = CompanyId;
        a.DealId = DealId;
        a.OwnerId = OwnerId;
        a.Tags = RuleCheck.NormaliseTags(Tags);
        a.CustomFields = CustomFields ?? [];
    }
}
