using System.Text.Json.Nodes;

namespace HeadlessCrm.Api.Features.Audit;

/// <summary>One change of one record: who (token subject and member), what (action and fields, old → new), when.</summary>
public sealed class AuditEvent
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string RecordType { get; init; }
    public Guid RecordId { get; init; }
    public required string Action { get; init; }
    public required string Actor { get; init; }
    public Guid? ActorMemberId { get; init; }
    /// <summary><c>{ "field": { "old": …, "new": … } }</c>; a create has only "new", associations "added"/"removed".</summary>
    public JsonObject Changes { get; init; } = [];
    public DateTime OccurredAt { get; init; }
}
