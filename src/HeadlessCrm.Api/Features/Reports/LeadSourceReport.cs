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

        var sql = new ReportSql();
        var text = $"""
            WITH cohort AS MATERIALIZED (
                SELECT c.workspace_id, c.id, c.source, c.lifecycle_stage
                FROM contacts c
                WHERE {source.Records(sql, "c", scope with { Currency = null })}
                  AND c.created_at >= {sql.Param(period.Start)} AND c.created_at < {sql.Param(period.End)}
            ), won AS MATERIALIZED (
                SELECT cohort.source, cohort.id AS contact_id, d.id AS deal_id, d.currency, d.amount
                FROM cohort
                JOIN deal_contacts dc ON dc.workspace_id = cohort.workspace_id AND dc.contact_id = cohort.id
                JOIN deals d ON d.workspace_id = dc.workspace_id AND d.id = dc.deal_id
                WHERE {source.Deals(sql, "d", scope with { OwnerId = null, TeamId = null })} AND d.status = 'won'
            )
            SELECT cohort.source AS "Source", NULL::text AS "Currency", count(*) AS "Contacts",
                   count(*) FILTER (WHERE cohort.lifecycle_stage IN ('customer', 'lapsed', 'churned')) AS "Customers",
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM won WHERE won.contact_id = cohort.id)) AS "WonContacts",
                   0::bigint AS "Deals", NULL::numeric AS "Revenue"
            FROM cohort
            GROUP BY 1
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
