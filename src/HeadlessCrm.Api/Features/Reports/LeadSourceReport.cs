using System.Text.Json;
using HeadlessCrm.Api.Features.Contacts;

namespace HeadlessCrm.Api.Features.Reports;

public sealed record LeadSourceDto(DateOnly From, DateOnly To, string? Currency, ChartDto Chart);

/// <summary>
/// Report 5, lead-source effectiveness, over the contacts created in the period, per source channel: contacts created;
/// how many became customers (lifecycle customer, lapsed or churned: all were customers once); how many have a won
/// deal; the won deals linked to them (a deal counts once per channel however many of its contacts came through it)
/// and their revenue per currency, whenever they closed; and the conversion rates customers / contacts and contacts
/// with a won deal / contacts. Owner or team narrow the contacts; currency narrows the deals.
/// </summary>
public sealed class LeadSourceReport(ReportSource source)
{
    public static readonly string[] Parameters = ["ownerId", "teamId", "from", "to", "currency"];

    private const string Unknown = "unknown";

    private sealed class Row
    {
        public string? Source { get; init; }
        public string? Currency { get; init; }
        public long Contacts { get; init; }
        public long Customers { get; init; }
        public long WonContacts { get; init; }
        public long Deals { get; init; }
        public decimal? Revenue { get; init; }
    }

    public async Task<LeadSourceDto> RunAsync(ReportQuery query, CancellationToken ct)
    {
        source.Demand();
        var scope = query.Scope(pipeline: false);
        var period = query.Period(source.Today);

        // Contacts created and customers per channel are additive: summaries. The won part is not (a deal counts once
        // per channel whatever number of the cohort's contacts it links to, and visibility differs per side), so it is
        // counted from report_won_links, one narrow row per link of a won deal, for the cohort's creation range.
        var sql = new ReportSql();
        var text = $"""
            WITH won AS MATERIALIZED (
                SELECT l.source, l.contact_id, l.deal_id, l.currency, l.amount
                FROM report_won_links l
                WHERE {source.WonLinks(sql, "l", scope)}
                  AND l.contact_created_at >= {sql.Param(period.Start)} AND l.contact_created_at < {sql.Param(period.End)}
            )
            SELECT f.dim AS "Source", NULL::text AS "Currency",
                   coalesce(sum(f.n) FILTER (WHERE f.kind = 'contact'), 0)::bigint AS "Contacts",
                   coalesce(sum(f.n) FILTER (WHERE f.kind = 'customer'), 0)::bigint AS "Customers",
                   0::bigint AS "WonContacts", 0::bigint AS "Deals", NULL::numeric AS "Revenue"
            FROM {ReportFacts.Rows(source, sql, scope with { Currency = null }, ["contact", "customer"], period.From, period.To)} f
            GROUP BY f.dim
            HAVING sum(f.n) <> 0
            UNION ALL
            SELECT source, NULL, 0, 0, count(DISTINCT contact_id), 0, NULL FROM won GROUP BY 1
            UNION ALL
            SELECT source, currency::text, 0, 0, 0, count(*), sum(amount)
            FROM (SELECT DISTINCT source, deal_id, currency, amount FROM won) deals_per_source
            GROUP BY 1, 2
            """;
        var rows = await source.RowsAsync<Row>(sql, text, ct);

        var channels = Enum.GetValues<SourceChannel>().Select(c => JsonNamingPolicy.SnakeCaseLower.ConvertName(c.ToString())).ToList();
        if (rows.Any(r => r.Source is null)) channels.Add(Unknown);
        List<Row> Of(string channel) => rows.Where(r => (r.Source ?? Unknown) == channel).ToList();
        SeriesDto Counts(string metric, Func<Row, long> value) =>
            new(metric, Units.Count, null, null, channels.Select(c => (decimal?)Of(c).Sum(value)).ToList());

        var series = new List<SeriesDto>
        {
            Counts("contactsCreated", r => r.Contacts),
            Counts("becameCustomers", r => r.Customers),
            Counts("contactsWithWonDeal", r => r.WonContacts),
            Counts("dealsWon", r => r.Deals),
        };
        foreach (var currency in rows.Where(r => r.Currency is not null && r.Revenue is not null).Select(r => r.Currency!).Distinct().Order(StringComparer.Ordinal))
            series.Add(new SeriesDto("revenue", Units.Money, currency, null,
                channels.Select(c => (decimal?)Of(c).Where(r => r.Currency == currency).Sum(r => r.Revenue ?? 0)).ToList()));
        series.Add(new SeriesDto("customerConversion", Units.Ratio, null, null,
            channels.Select(c => ReportSource.Ratio(Of(c).Sum(r => r.Customers), Of(c).Sum(r => r.Contacts))).ToList()));
        series.Add(new SeriesDto("wonDealConversion", Units.Ratio, null, null,
            channels.Select(c => ReportSource.Ratio(Of(c).Sum(r => r.WonContacts), Of(c).Sum(r => r.Contacts))).ToList()));

        var labels = channels.Select(c => char.ToUpperInvariant(c[0]) + c[1..].Replace('_', ' ')).ToList();
        return new LeadSourceDto(period.From, period.To, scope.Currency, new ChartDto(labels, channels.Select(c => (string?)c).ToList(), series));
    }
}
