using System.Text.Json.Nodes;

namespace HeadlessCrm.Api.Features.Audit;

/// <summary>A change as the audit API returns it.</summary>
public sealed record AuditEventDto(
    Guid Id, string RecordType, Guid RecordId, string Action, string Actor, Guid? ActorMemberId, JsonObject Changes, DateTime OccurredAt);
