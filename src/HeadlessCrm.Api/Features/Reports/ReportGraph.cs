using System.Globalization;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HeadlessCrm.Api.Features.Reports;

/// <summary>
/// The reports in GraphQL, under <c>reports</c>: each field takes the arguments its REST endpoint takes, which are handed
/// to the same <see cref="ReportQuery"/> and report class, so validation, scope (crm.reports.read) and visibility are
/// REST's to the letter.
/// </summary>
public static class ReportGraph
{
    /// <summary>What <c>Query.reports</c> resolves to: a namespace for the report fields, with no data of its own.</summary>
    public sealed class ReportsRoot
    {
        public static readonly ReportsRoot Instance = new();
    }

    private static readonly Dictionary<string, (string Type, string Description)> Arguments = new()
    {
        ["pipelineId"] = ("UUID", "Only deals of this pipeline (the funnel requires it)."),
        ["ownerId"] = ("UUID", "Only records owned by this member."),
        ["teamId"] = ("UUID", "Only records owned by members of this team (not with ownerId)."),
        ["from"] = ("String", "First day covered, YYYY-MM-DD (UTC)."),
        ["to"] = ("String", "Last day covered, YYYY-MM-DD (UTC), inclusive."),
        ["interval"] = ("ReportInterval", "MONTH (default) or QUARTER."),
        ["currency"] = ("String", "Only deals in this ISO 4217 currency."),
        ["commitThreshold"] = ("Decimal", "Stage probability (0–1) from which an open deal counts as commit; default 0.7."),
        ["days"] = ("Int", "Days without activity or won deal, 1–3650; default 90."),
        ["limit"] = ("Int", "Page size, 1–100 (default 25)."),
        ["cursor"] = ("String", "The nextCursor of the previous page."),
    };

    public static SchemaBuilder AddReports(this SchemaBuilder builder) => builder
        .Enum<ReportInterval>("ReportInterval")
        .Object<SeriesOwner>("SeriesOwner", t => t
            .Field("id", "UUID", o => o.Id, "Null: records nobody owns.")
            .Field("name", "String!", o => o.Name))
        .Object<SeriesDto>("Series", t => t
            .Description("One line or bar set, aligned with the chart's labels; money series carry their currency.")
            .Field("metric", "String!", s => s.Metric)
            .Field("unit", "String!", s => s.Unit, "count, money, ratio (0–1) or days.")
            .Field("currency", "String", s => s.Currency)
            .Field("owner", "SeriesOwner", s => s.Owner)
            .Field("values", "[Decimal]!", s => s.Values, "Null: not defined here (a rate with nothing to divide by)."))
        .Object<ChartDto>("Chart", t => t
            .Description("A chartable result: labels, a stable key per label, and series of values.")
            .Field("labels", "[String!]!", c => c.Labels)
            .Field("keys", "[String]!", c => c.Keys)
            .Field("series", "[Series!]!", c => c.Series))
        .Object<FunnelStageDto>("FunnelStage", t => t
            .Field("id", "UUID!", s => s.Id)
            .Field("name", "String!", s => s.Name)
            .Field("kind", "StageKind!", s => s.Kind)
            .Field("probability", "Decimal!", s => s.Probability))
        .Object<FunnelDto>("FunnelReport", t => t
            .Field("pipelineId", "UUID!", r => r.PipelineId)
            .Field("from", "String!", r => CommonTypes.Date(r.From))
            .Field("to", "String!", r => CommonTypes.Date(r.To))
            .Field("currency", "String", r => r.Currency)
            .Field("stages", "[FunnelStage!]!", r => r.Stages)
            .Field("chart", "Chart!", r => r.Chart))
        .Object<ForecastDto>("ForecastReport", t => t
            .Field("from", "String!", r => CommonTypes.Date(r.From))
            .Field("to", "String!", r => CommonTypes.Date(r.To))
            .Field("interval", "ReportInterval!", r => r.Interval)
            .Field("commitThreshold", "Decimal!", r => r.CommitThreshold)
            .Field("currency", "String", r => r.Currency)
            .Field("chart", "Chart!", r => r.Chart))
        .Object<WinRateDto>("WinRateReport", t => t
            .Field("from", "String!", r => CommonTypes.Date(r.From))
            .Field("to", "String!", r => CommonTypes.Date(r.To))
            .Field("interval", "ReportInterval!", r => r.Interval)
            .Field("currency", "String", r => r.Currency)
            .Field("byPeriod", "Chart!", r => r.ByPeriod)
            .Field("stageDurations", "Chart!", r => r.StageDurations))
        .Object<ActivityReportDto>("ActivityReport", t => t
            .Field("from", "String!", r => CommonTypes.Date(r.From))
            .Field("to", "String!", r => CommonTypes.Date(r.To))
            .Field("interval", "ReportInterval!", r => r.Interval)
            .Field("chart", "Chart!", r => r.Chart))
        .Object<LeadSourceDto>("LeadSourceReport", t => t
            .Field("from", "String!", r => CommonTypes.Date(r.From))
            .Field("to", "String!", r => CommonTypes.Date(r.To))
            .Field("currency", "String", r => r.Currency)
            .Field("chart", "Chart!", r => r.Chart))
        .Object<OverdueTasksDto>("OverdueTasksReport", t => t
            .Field("asOf", "DateTime!", r => r.AsOf)
            .Field("chart", "Chart!", r => r.Chart))
        .Object<LastActivityDto>("LastActivity", t => t
            .Field("id", "UUID!", a => a.Id)
            .Field("type", "ActivityType!", a => a.Type)
            .Field("at", "DateTime!", a => a.At))
        .Object<LapsedCustomerDto>("LapsedCustomer", t => t
            .Field("contactId", "UUID!", c => c.ContactId)
            .Field("firstName", "String", c => c.FirstName)
            .Field("lastName", "String", c => c.LastName)
            .Field("ownerId", "UUID", c => c.OwnerId)
            .Field("customerSince", "DateTime!", c => c.CustomerSince)
            .Field("lastActivity", "LastActivity", c => c.LastActivity)
            .Field("daysSinceLastActivity", "Int", c => c.DaysSinceLastActivity))
        .Object<Page<LapsedCustomerDto>>("LapsedCustomerPage", t => t
            .Field("data", "[LapsedCustomer!]!", p => p.Data)
            .Field("nextCursor", "String", p => p.NextCursor, "Pass as cursor for the next page; null on the last."))
        .Object<ReportsRoot>("Reports", t => t
            .Description("Reports over what the caller may see (needs crm.reports.read); the same as GET /api/v1/reports/*.")
            .Field("funnel", "FunnelReport", f => Report<FunnelReport, FunnelDto>(f, FunnelReport.Parameters, (r, q, ct) => r.RunAsync(q, ct)))
            .Field("forecast", "ForecastReport", f => Report<ForecastReport, ForecastDto>(f, ForecastReport.Parameters, (r, q, ct) => r.RunAsync(q, ct)))
            .Field("winRate", "WinRateReport", f => Report<WinRateReport, WinRateDto>(f, WinRateReport.Parameters, (r, q, ct) => r.RunAsync(q, ct)))
            .Field("activity", "ActivityReport", f => Report<ActivityReport, ActivityReportDto>(f, ActivityReport.Parameters, (r, q, ct) => r.RunAsync(q, ct)))
            .Field("leadSources", "LeadSourceReport", f => Report<LeadSourceReport, LeadSourceDto>(f, LeadSourceReport.Parameters, (r, q, ct) => r.RunAsync(q, ct)))
            .Field("lapsedCustomers", "LapsedCustomerPage", f => Report<LapsedCustomersReport, Page<LapsedCustomerDto>>(f, LapsedCustomersReport.Parameters, (r, q, ct) => r.RunAsync(q, ct)))
            .Field("overdueTasks", "OverdueTasksReport", f => Report<OverdueTasksReport, OverdueTasksDto>(f, OverdueTasksReport.Parameters, (r, q, ct) => r.RunAsync(q, ct))))
        .Query(q => q.Field("reports", "Reports!", _ => ReportsRoot.Instance));

    private static FieldBuilder<ReportsRoot> Report<TReport, TResult>(
        FieldBuilder<ReportsRoot> field, string[] parameters, Func<TReport, ReportQuery, CancellationToken, Task<TResult>> run)
        where TReport : notnull
    {
        foreach (var name in parameters) field.Argument(name, Arguments[name].Type, Arguments[name].Description);
        return field.ResolveAsync(c => run(c.Service<TReport>(), new ReportQuery(AsQueryString(c, parameters), parameters), c.CancellationToken));
    }

    /// <summary>The arguments given, written as REST's query string would carry them.</summary>
    private static QueryCollection AsQueryString(ResolveContext<ReportsRoot> context, string[] parameters)
    {
        var values = new Dictionary<string, StringValues>();
        foreach (var name in parameters)
        {
            var text = context.Argument<object?>(name) switch
            {
                null => null,
                ReportInterval interval => interval.ToString().ToLowerInvariant(),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
            if (text is not null) values[name] = text;
        }
        return new QueryCollection(values);
    }
}
