namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>A date reminder rule as written: <c>object</c> is contacts, companies or deals.</summary>
public sealed record DateReminderInput(string? Object = null, string? Field = null, int? DaysBefore = null, bool? Yearly = null, string? SubjectTemplate = null);

public sealed record DateReminderDto(
    Guid Id, string Object, string Field, int DaysBefore, bool Yearly, string SubjectTemplate, DateTime CreatedAt, DateTime UpdatedAt);
