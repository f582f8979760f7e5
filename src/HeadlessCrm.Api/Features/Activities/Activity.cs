using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Activities;

/// <summary>An interaction on the timeline (call, email, meeting, note) or a task to do.</summary>
public sealed class Activity : TaggedRecord
{
    public ActivityType Type { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public DateTime? OccurredAt { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? ReminderAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int? DurationSeconds { get; set; }
    public ActivityDirection? Direction { get; set; }
    public string? Outcome { get; set; }
    public string? RecordingUrl { get; set; }
    /// <summary>The sending system's id of a logged call or email: a re-delivery finds this activity instead of making another.</summary>
    public string? ExternalId { get; set; }
    /// <summary>A logged call's other party, in E.164.</summary>
    public string? PhoneNumber { get; set; }
    public Guid? ContactId { get; set; }
    public Guid? CompanyId { get; set; }
    public Guid? DealId { get; set; }
    public Contact? Contact { get; private set; }
    public Company? Company { get; private set; }
    public Deal? Deal { get; private set; }

    /// <summary>Where the activity sits on a timeline: when it happened, else when it is due, else when it was logged.</summary>
    public DateTime TimelineAt { get; private set; }
}
