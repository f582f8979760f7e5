using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Automation;

/// <summary>"When an event of this type happens (and a field of its record has this value), do these actions."</summary>
public sealed class AutomationRule : TenantEntity
{
    public required string Name { get; set; }
    /// <summary>An event type (docs/webhooks.md), e.g. deal.stage_changed, contact.created, task.overdue, lead.captured.</summary>
    public required string TriggerEvent { get; set; }
    /// <summary>A field of the event's record (dotted for custom fields: customFields.tier), or null for any event of the type.</summary>
    public string? TriggerField { get; set; }
    /// <summary>The value the field must have, compared as text; on *.updated events the field must also have just changed.</summary>
    public string? TriggerEquals { get; set; }
    public List<RuleAction> Actions { get; set; } = [];
    public DateTime? ArchivedAt { get; set; }
}

/// <summary>
/// One action: <c>create_task</c> (subject, dueInDays), <c>assign_owner</c> (ownerId, or teamId for round-robin over the
/// team's members), <c>add_tag</c> (tag), <c>set_field</c> (field, value) or <c>emit_event</c> (name: raises
/// <c>automation.fired</c>). It acts on the event's record.
/// </summary>
public sealed record RuleAction(
    string Type, string? Subject = null, int? DueInDays = null, Guid? OwnerId = null, Guid? TeamId = null, string? Tag = null,
    string? Field = null, JsonNode? Value = null, string? Name = null)
{
    public const string CreateTask = "create_task";
    public const string AssignOwner = "assign_owner";
    public const string AddTag = "add_tag";
    public const string SetField = "set_field";
    public const string EmitEvent = "emit_event";

    public static readonly string[] Types = [CreateTask, AssignOwner, AddTag, SetField, EmitEvent];
}
