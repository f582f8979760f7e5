using System.Globalization;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Reports;

/// <summary>
/// A report's query string, read strictly: an unknown or repeated parameter, or a value of the wrong form, is a 400
/// naming the parameter and the reason.
/// </summary>
public sealed class ReportQuery
{
    /// <summary>Longest period a report spans, so that a typo in a year does not ask for thousands of periods.</summary>
    public const int MaxYears = 10;

    private readonly IQueryCollection _query;

    public ReportQuery(IQueryCollection query, IReadOnlyCollection<string> allowed)
    {
        _query = query;
        foreach (var (name, values) in query)
        {
            if (!allowed.Contains(name))
                throw new InvalidQueryException(name, $"Unknown parameter; this report takes {string.Join(", ", allowed)}.");
            if (values.Count > 1) throw new InvalidQueryException(name, "Give the parameter once.");
        }
    }

    private string? Text(string name) => _query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;

    public Guid? Id(string name) => Text(name) is not { } text ? null
        : Guid.TryParse(text, out var id) ? id : throw new InvalidQueryException(name, "Not a valid id.");

    public Guid RequiredId(string name) => Id(name) ?? throw new InvalidQueryException(name, "Required.");

    public DateOnly? Date(string name) => Text(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidQueryException(name, "Not a date; use YYYY-MM-DD.");

    public int Int(string name, int min, int max, int fallback) => Text(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new InvalidQueryException(name, $"Must be a whole number from {min} to {max}.");

    public decimal Decimal(string name, decimal min, decimal max, decimal fallback) => Text(name) is not { } text ? fallback
        : decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new InvalidQueryException(name, $"Must be a number from {min} to {max}.");

    public string? Currency(string name) => Text(name) is not { } text ? null
        : CurrencyCodes.IsValid(text) ? text : throw new InvalidQueryException(name, "Not an ISO 4217 currency code (three capitals, e.g. EUR).");

    public string? Cursor(string name) => Text(name);

    public ReportInterval Interval(string name) => Text(name) switch
    {
        null or "month" => ReportInterval.Month,
        "quarter" => ReportInterval.Quarter,
        _ => throw new InvalidQueryException(name, "Must be month or quarter."),
    };

    /// <summary>
    /// <c>from</c>/<c>to</c> (inclusive dates) and <c>interval</c>. Without them a report covers a year of whole periods:
    /// looking back, the twelve months (four quarters) ending with the one containing <paramref name="today"/>, up to
    /// today; looking ahead (<paramref name="ahead"/>), the twelve months (four quarters) starting with it. With only
    /// one bound, the period is the year from <c>from</c> or the year of whole periods up to <c>to</c>.
    /// </summary>
    public ReportPeriod Period(DateOnly today, bool ahead = false)
    {
        var interval = Interval("interval");
        var from = Date("from");
        var to = Date("to");
        var current = new ReportPeriod(today, today, interval).BucketOf(today);
        var back = interval == ReportInterval.Quarter ? -9 : -11;
        var period = (from, to) switch
        {
            (null, null) when ahead => new ReportPeriod(current, current.AddYears(1).AddDays(-1), interval),
            (null, null) => new ReportPeriod(current.AddMonths(back), today, interval),
            ({ } f, null) => new ReportPeriod(f, f.AddYears(1).AddDays(-1), interval),
            (null, { } t) => new ReportPeriod(new ReportPeriod(t, t, interval).BucketOf(t).AddMonths(back), t, interval),
            ({ } f, { } t) => new ReportPeriod(f, t, interval),
        };
        if (period.To < period.From) throw new InvalidQueryException("to", "Must not be before from.");
        if (period.To > period.From.AddYears(MaxYears)) throw new InvalidQueryException("to", $"A report spans at most {MaxYears} years.");
        return period;
    }

    /// <summary><c>ownerId</c> or <c>teamId</c> (not both), plus the other narrowing parameters a report may take.</summary>
    public ReportScope Scope(bool pipeline = true, bool currency = true)
    {
        var owner = Id("ownerId");
        var team = Id("teamId");
        if (owner is not null && team is not null) throw new InvalidQueryException("teamId", "Give ownerId or teamId, not both.");
        return new ReportScope(owner, team, pipeline ? Id("pipelineId") : null, currency ? Currency("currency") : null);
    }
}
