using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Audit;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Infrastructure.Json;

namespace HeadlessCrm.Api.Features.Events;

/// <summary>Turns audited changes into outbox events, with the record as the API shows it at that moment.</summary>
public static class Outbox
{
    public static IEnumerable<OutboxEvent> From(AuditEvent change, object? entity) =>
        EventTypes.Of(change).Select(type => new OutboxEvent
        {
            WorkspaceId = change.WorkspaceId,
            Type = type,
            RecordType = change.RecordType,
            RecordId = change.RecordId,
            Payload = new JsonObject
            {
                ["record"] = Snapshot(entity),
                ["changes"] = change.Changes.DeepClone(),
            },
            Actor = change.Actor,
            OccurredAt = change.OccurredAt,
        });

    /// <summary>An event that is not a change of the record (a task fell overdue, a lead came in): the record now, and details.</summary>
    public static OutboxEvent Notice(string type, string recordType, Guid recordId, object entity, DateTime at, JsonObject? details = null) => new()
    {
        Type = type,
        RecordType = recordType,
        RecordId = recordId,
        Payload = new JsonObject { ["record"] = Snapshot(entity), ["changes"] = new JsonObject(), ["details"] = details ?? [] },
        Actor = "system",
        OccurredAt = at,
    };

    private static JsonNode? Snapshot(object? entity) => entity switch
    {
        Company c => Serialize(CompanyRecords.Type.Map(c)),
        Contact c => Serialize(ContactRecords.Type.Map(c)),
        Deal d => Serialize(DealRecords.Type.Map(d)),
        Activity a => Serialize(ActivityRecords.Type.Map(a)),
        _ => null,
    };

    private static JsonNode? Serialize<T>(T dto) => JsonSerializer.SerializeToNode(dto, CrmJson.Options);
}
