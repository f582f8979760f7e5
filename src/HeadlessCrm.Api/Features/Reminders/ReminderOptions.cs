namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>Configuration <c>Crm:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Crm:Reminders";

    /// <summary>How often each date reminder rule's records are looked at (and how long a scan's claim lasts).</summary>
    public TimeSpan DateScanInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The time of day (UTC) a task made for an important date is due on that date.</summary>
    public TimeSpan TaskDueTimeOfDay { get; set; } = TimeSpan.FromHours(9);
}
