namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>When a record's date next comes due for a reminder N days ahead of it. Days are UTC calendar days.</summary>
public static class DateOccurrence
{
    /// <summary>
    /// The occurrence whose reminder window (from N days before it up to the day itself) holds <paramref name="today"/>,
    /// if any. A one-off date is its own occurrence; a yearly one falls on the same month and day each year from the
    /// date on (29 February: 28 February in other years).
    /// </summary>
    public static DateOnly? Due(DateOnly date, int daysBefore, bool yearly, DateOnly today)
    {
        if (!yearly) return InWindow(date, daysBefore, today) ? date : null;
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            var occurrence = Anniversary(date, year);
            if (occurrence >= date && InWindow(occurrence, daysBefore, today)) return occurrence;
        }
        return null;
    }

    private static bool InWindow(DateOnly occurrence, int daysBefore, DateOnly today) =>
        today >= occurrence.AddDays(-daysBefore) && today <= occurrence;

    private static DateOnly Anniversary(DateOnly date, int year) =>
        new(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));
}
