namespace HeadlessCrm.Api.Features.Reports;

/// <summary>
/// The dates a report covers, <see cref="From"/> to <see cref="To"/> inclusive (whole UTC days), cut into months or
/// quarters. The first and last periods are the calendar periods containing the bounds, so they may be partial.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, ReportInterval Interval)
{
    /// <summary>The first instant covered (inclusive).</summary>
    public DateTime Start => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first instant after the period (exclusive).</summary>
    public DateTime End => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>PostgreSQL's date_trunc field for the interval.</summary>
    public string TruncUnit => Interval == ReportInterval.Quarter ? "quarter" : "month";

    private int Months => Interval == ReportInterval.Quarter ? 3 : 1;

    public DateOnly BucketOf(DateOnly day)
    {
        var month = Interval == ReportInterval.Quarter ? (day.Month - 1) / 3 * 3 + 1 : day.Month;
        return new DateOnly(day.Year, month, 1);
    }

    /// <summary>The start of every period from the first to the last, empty ones included.</summary>
    public IReadOnlyList<DateOnly> Buckets()
    {
        var buckets = new List<DateOnly>();
        for (var b = BucketOf(From); b <= To; b = b.AddMonths(Months)) buckets.Add(b);
        return buckets;
    }

    /// <summary>"2026-03" for a month, "2026-Q1" for a quarter.</summary>
    public string Label(DateOnly bucket) => Interval == ReportInterval.Quarter
        ? $"{bucket.Year:D4}-Q{(bucket.Month - 1) / 3 + 1}"
        : $"{bucket.Year:D4}-{bucket.Month:D2}";

    /// <summary>The labels and keys (period start dates) of a chart over this period.</summary>
    public (IReadOnlyList<string> Labels, IReadOnlyList<string?> Keys) Axis()
    {
        var buckets = Buckets();
        return (buckets.Select(Label).ToList(), buckets.Select(b => (string?)b.ToString("yyyy-MM-dd")).ToList());
    }
}
