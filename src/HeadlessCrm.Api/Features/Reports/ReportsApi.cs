using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.OpenApi;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Reports;

/// <summary>The reports under /api/v1/reports: read-only, scope crm.reports.read, each over what the caller may see.</summary>
public static class ReportsApi
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["pipelineId"] = "Only deals of this pipeline.",
        ["ownerId"] = "Only records owned by this member.",
        ["teamId"] = "Only records owned by members of this team (not with ownerId).",
        ["from"] = "First day covered, YYYY-MM-DD (UTC).",
        ["to"] = "Last day covered, YYYY-MM-DD (UTC), inclusive; at most 10 years after from.",
        ["interval"] = "month (default) or quarter.",
        ["currency"] = "Only deals in this ISO 4217 currency.",
        ["commitThreshold"] = "Stage probability (0–1) from which an open deal counts as commit; default 0.7.",
        ["days"] = "Days without activity or won deal, 1–3650; default 90.",
        ["limit"] = "Page size, 1–100 (default 25).",
        ["cursor"] = "The nextCursor of the previous page.",
    };

    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireScope(Scopes.ReportsRead);

        Map<FunnelReport, FunnelDto>(group, "/funnel", "GetFunnelReport",
            "Funnel of a pipeline: deals and amount reaching each stage, stage-to-stage conversion", FunnelReport.Parameters, (r, q, ct) => r.RunAsync(q, ct));
        Map<ForecastReport, ForecastDto>(group, "/forecast", "GetForecastReport",
            "Revenue forecast per period and currency: weighted, commit, best case, won", ForecastReport.Parameters, (r, q, ct) => r.RunAsync(q, ct));
        Map<WinRateReport, WinRateDto>(group, "/win-rate", "GetWinRateReport",
            "Win rate and sales cycle per period and owner; average days per stage", WinRateReport.Parameters, (r, q, ct) => r.RunAsync(q, ct));
        Map<ActivityReport, ActivityReportDto>(group, "/activity", "GetActivityReport",
            "Activity per owner per period: calls, meetings, emails, notes, tasks, deals", ActivityReport.Parameters, (r, q, ct) => r.RunAsync(q, ct));
        Map<LeadSourceReport, LeadSourceDto>(group, "/lead-sources", "GetLeadSourceReport",
            "Lead-source effectiveness: contacts, customers, won deals and revenue per source channel", LeadSourceReport.Parameters, (r, q, ct) => r.RunAsync(q, ct));
        Map<LapsedCustomersReport, Page<LapsedCustomerDto>>(group, "/lapsed-customers", "GetLapsedCustomersReport",
            "Customers with no activity and no won deal for N days, with their last activity", LapsedCustomersReport.Parameters, (r, q, ct) => r.RunAsync(q, ct));
        Map<OverdueTasksReport, OverdueTasksDto>(group, "/overdue-tasks", "GetOverdueTasksReport",
            "Overdue tasks per owner", OverdueTasksReport.Parameters, (r, q, ct) => r.RunAsync(q, ct));
        return group;
    }

    private static void Map<TReport, TResult>(RouteGroupBuilder group, string path, string name, string summary, string[] parameters,
        Func<TReport, ReportQuery, CancellationToken, Task<TResult>> run) where TReport : notnull =>
        group.MapGet(path, async (HttpContext http, TReport report, CancellationToken ct) =>
                TypedResults.Ok(await run(report, new ReportQuery(http.Request.Query, parameters), ct)))
            .WithName(name).WithSummary(summary)
            .WithMetadata(new QueryParametersMetadata(parameters.Select(p => KeyValuePair.Create(p, Descriptions[p])).ToList()))
            .ProducesProblem(StatusCodes.Status400BadRequest);

    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<ReportSource>()
        .AddScoped<FunnelReport>()
        .AddScoped<ForecastReport>()
        .AddScoped<WinRateReport>()
        .AddScoped<ActivityReport>()
        .AddScoped<LeadSourceReport>()
        .AddScoped<LapsedCustomersReport>()
        .AddScoped<OverdueTasksReport>()
        .AddSingleton<IBackgroundWork, ReportCompaction>();
}
