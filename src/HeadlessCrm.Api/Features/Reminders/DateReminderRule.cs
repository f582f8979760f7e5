using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>"<see cref="DaysBefore"/> days before a record's date, give its owner a task": per workspace.</summary>
public sealed class DateReminderRule : TenantEntity
{
    /// <summary>contact, company or deal.</summary>
    public required string RecordType { get; set; }
    /// <summary>birthday (contacts), expectedCloseDate (deals) or customFields.&lt;key&gt; (a YYYY-MM-DD value).</summary>
    public required string Field { get; set; }
    public int DaysBefore { get; set; }
    /// <summary>The date comes round every year (birthdays, anniversaries, renewals) rather than once.</summary>
    public bool Yearly { get; set; }
    /// <summary>The task's subject; {name}, {date} and {field} are filled in.</summary>
    public required string SubjectTemplate { get; set; }
    /// <summary>When a scheduler next looks at this rule's records (claimed, then pushed one scan interval ahead).</summary>
    public DateTime NextScanAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
}
