namespace HeadlessCrm.Api.Features.Reports;

/// <summary>
/// Reads the incrementally maintained report summaries (migration V0014, docs/reports.md "Summaries"): the facts of
/// the given kinds on the days <c>from</c> to <c>to</c> that the caller may see, as a derived table with the columns
/// kind, day, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount and seconds — to be summed.
/// </summary>
/// <remarks>
/// A figure is the sum of the compacted totals and the deltas not yet compacted. Whole calendar months in the range are
/// read from the monthly totals (one row per month and key instead of ~30), the partial months at either end from the
/// daily totals; the deltas are read by day. The day of a monthly total is the month's first day, so it falls in the
/// same month or quarter bucket as its days.
/// </remarks>
public static class ReportFacts
{
    private const string Columns =
        "f.kind, f.day, f.owner_id, f.pipeline_id, f.stage_id, f.currency, f.dim, f.path, f.n, f.priced, f.amount, f.seconds";

    public static string Rows(ReportSource source, ReportSql sql, ReportScope scope, IReadOnlyList<string> kinds, DateOnly from, DateOnly to)
    {
        var kindList = sql.Param(kinds.ToArray());
        string Where() => $"{source.Facts(sql, "f", scope)} AND f.kind = ANY ({kindList})";
        string Days(DateOnly first, DateOnly last) =>
            $"SELECT {Columns} FROM report_facts f WHERE {Where()} AND f.grain = 'd' AND f.day >= {sql.Param(first)} AND f.day <= {sql.Param(last)}";

        var parts = new List<string>();
        var wholeFrom = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var afterTo = to.AddDays(1);
        var wholeUntil = new DateOnly(afterTo.Year, afterTo.Month, 1); // exclusive
        if (to < from) return $"(SELECT {Columns} FROM report_facts f WHERE false)";
        if (wholeFrom < wholeUntil)
        {
            parts.Add($"SELECT {Columns} FROM report_facts f WHERE {Where()} AND f.grain = 'm' AND f.day >= {sql.Param(wholeFrom)} AND f.day < {sql.Param(wholeUntil)}");
            if (from < wholeFrom) parts.Add(Days(from, wholeFrom.AddDays(-1)));
            if (wholeUntil <= to) parts.Add(Days(wholeUntil, to));
        }
        else
        {
            parts.Add(Days(from, to));
        }
        parts.Add($"SELECT {Columns} FROM report_fact_deltas f WHERE {Where()} AND f.day >= {sql.Param(from)} AND f.day <= {sql.Param(to)}");
        return $"({string.Join("\n UNION ALL ", parts)})";
    }
}
