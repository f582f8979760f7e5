using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Events;

namespace HeadlessCrm.Api.Features.Automation;

/// <summary>Whether an event fires a rule: its type, and the record's field value (just changed, on updates).</summary>
public static class RuleTrigger
{
    public static bool Fires(AutomationRule rule, OutboxEvent e)
    {
        if (e.Type != rule.TriggerEvent || e.OccurredAt < rule.CreatedAt) return false;
        if (rule.TriggerField is null) return true;
        if (Text(Find(e.Payload["record"], rule.TriggerField)) != rule.TriggerEquals) return false;
        return !e.Type.EndsWith(".updated", StringComparison.Ordinal) || e.Payload["changes"] is JsonObject changes && changes.ContainsKey(rule.TriggerField.Split('.')[0]);
    }

    private static JsonNode? Find(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
            node = node is JsonObject o ? o[part] : null;
        return node;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
