using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Events;

namespace HeadlessCrm.Api.Features.Automation;

/// <summary>The <c>automation.fired</c> event of an <c>emit_event</c> action: which rule, the name it gives, on which record, set off by which event.</summary>
public static class AutomationFired
{
    public static OutboxEvent Of(AutomationRule rule, RuleAction action, OutboxEvent cause, DateTime at) => new()
    {
        Type = EventTypes.AutomationFired,
        RecordType = cause.RecordType,
        RecordId = cause.RecordId,
        Payload = new JsonObject
        {
            ["rule"] = new JsonObject { ["id"] = rule.Id, ["name"] = rule.Name },
            ["name"] = action.Name,
            ["record"] = new JsonObject { ["type"] = cause.RecordType, ["id"] = cause.RecordId },
            ["cause"] = new JsonObject { ["eventId"] = cause.Id, ["type"] = cause.Type },
            ["changes"] = new JsonObject(),
        },
        Actor = "system",
        OccurredAt = at,
    };
}
