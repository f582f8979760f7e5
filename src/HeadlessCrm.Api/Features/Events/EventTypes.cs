using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Audit;

namespace HeadlessCrm.Api.Features.Events;

/// <summary>
/// The events a change of a record raises: <c>&lt;record&gt;.created|updated|archived|restored</c> for companies, contacts,
/// deals and activities, <c>contact.merged</c> and <c>company.merged</c> (on the survivor), <c>contact.erased</c> (ids
/// only), plus for deals <c>deal.stage_changed</c>, <c>deal.won</c> and <c>deal.lost</c>. The scheduler and inbound
/// capture raise <c>task.overdue</c>, <c>task.reminder</c>, <c>date_reminder.due</c> and <c>lead.captured</c>; an
/// automation rule's <c>emit_event</c> action raises <c>automation.fired</c>; a finished CSV import <c>import.completed</c>.
/// </summary>
public static class EventTypes
{
    public const string TaskOverdue = "task.overdue";
    public const string TaskReminder = "task.reminder";
    public const string DateReminderDue = "date_reminder.due";
    public const string LeadCaptured = "lead.captured";
    public const string AutomationFired = "automation.fired";
    public const string ImportCompleted = "import.completed";

    private static readonly string[] Records = ["company", "contact", "deal", "activity"];
    private static readonly string[] Actions = ["created", "updated", "archived", "restored"];

    public static readonly IReadOnlyList<string> All =
    [
        .. Records.SelectMany(r => Actions.Select(a => $"{r}.{a}")),
        "deal.stage_changed", "deal.won", "deal.lost", TaskOverdue, TaskReminder, DateReminderDue, LeadCaptured,
        "contact.merged", "company.merged", "contact.erased", AutomationFired, ImportCompleted,
    ];

    public static IEnumerable<string> Of(AuditEvent change)
    {
        if (!Records.Contains(change.RecordType)) yield break;
        var action = change.Action == "handed_over" ? "updated" : change.Action;
        if (Actions.Contains(action) || action == "merged" || action == "erased") yield return $"{change.RecordType}.{action}";
        if (change.RecordType != "deal") yield break;
        if (change.Action != "created" && change.Changes.ContainsKey("stageId")) yield return "deal.stage_changed";
        if (NewValue(change.Changes, "status") is "won") yield return "deal.won";
        if (NewValue(change.Changes, "status") is "lost") yield return "deal.lost";
    }

    private static string? NewValue(JsonObject changes, string field) =>
        changes[field]?["new"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
