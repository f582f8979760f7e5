using System.Text.Json.Nodes;

namespace HeadlessCrm.Api.Features.Events;

/// <summary>An event waiting in (or delivered from) the transactional outbox.</summary>
public sealed class OutboxEvent
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>e.g. <c>contact.created</c>, <c>deal.stage_changed</c>, <c>deal.won</c>, <c>task.overdue</c>.</summary>
    public required string Type { get; init; }
    public required string RecordType { get; init; }
    public Guid RecordId { get; init; }
    /// <summary><c>{ "record": the record as the API shows it at the time, "changes": field → old/new }</c>.</summary>
    public required JsonObject Payload { get; init; }
    public required string Actor { get; init; }
    public DateTime OccurredAt { get; init; }
    /// <summary>Automation-rule steps that led to this event (see RequestContext.EventDepth).</summary>
    public int Depth { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? FannedOutAt { get; set; }

    public CrmEvent ToCrmEvent() => new(Id, WorkspaceId, Type, RecordType, RecordId, OccurredAt);
}
