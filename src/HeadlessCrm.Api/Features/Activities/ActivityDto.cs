using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Activities;

public sealed record ActivityDto : IVersioned, IRecord
{
    public Guid Id { get; init; }
    public ActivityType Type { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public DateTime? OccurredAt { get; init; }
    public DateTime? DueAt { get; init; }
    public DateTime? ReminderAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public int? DurationSeconds { get; init; }
    public ActivityDirection? Direction { get; init; }
    public string? Outcome { get; init; }
    public string? RecordingUrl { get; init; }
    public Guid? ContactId { get; init; }
    public Guid? CompanyId { get; init; }
    public Guid? DealId { get; init; }
    public Guid? OwnerId { get; init; }
    public required string[] Tags { get; init; }
    public required JsonObject CustomFields { get; init; }
    /// <summary>Where the activity sits on a timeline: occurredAt, else dueAt, else createdAt.</summary>
    public DateTime TimelineAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? ArchivedAt { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }
}
