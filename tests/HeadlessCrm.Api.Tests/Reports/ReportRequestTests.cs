namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>What every report asks of a request: the crm.reports.read scope and parameters it can read.</summary>
public sealed class ReportRequestTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static readonly string[] Reports = ["funnel", "forecast", "win-rate", "activity", "lead-sources", "lapsed-customers", "overdue-tasks"];

    [Fact]
    public async Task Every_report_needs_the_reports_scope()
    {
        var ws = await api.NewWorkspaceAsync();
        var (pipeline, _) = await ws.Http.PipelineAsync();
        var withoutReports = await ws.ClientWithScopesAsync("crm.deals.read", "crm.activities.read", "crm.contacts.read");
        var reader = await ws.ClientWithScopesAsync("crm.reports.read");
        foreach (var report in Reports)
        {
            var url = $"/api/v1/reports/{report}" + (report == "funnel" ? $"?pipelineId={pipeline}" : "");
            var refused = await withoutReports.GetAsync(url);
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("crm.reports.read", problem["detail"]!.GetValue<string>());
            await (await reader.GetAsync(url)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("funnel", "", "pipelineId")]
    [InlineData("funnel", "pipelineId=not-an-id", "pipelineId")]
    [InlineData("funnel", "pipelineId=0190a4d2-0000-7000-8000-000000000000", "pipelineId")]
    [InlineData("forecast", "interval=week", "interval")]
    [InlineData("forecast", "from=2026-13-01", "from")]
    [InlineData("forecast", "from=2026-05-01&to=2026-04-30", "to")]
    [InlineData("forecast", "from=2000-01-01&to=2030-01-01", "to")]
    [InlineData("forecast", "currency=eur", "currency")]
    [InlineData("forecast", "commitThreshold=1.5", "commitThreshold")]
    [InlineData("win-rate", "ownerId=abc", "ownerId")]
    [InlineData("win-rate", "ownerId=0190a4d2-0000-7000-8000-000000000000&teamId=0190a4d2-0000-7000-8000-000000000001", "teamId")]
    [InlineData("activity", "currency=EUR", "currency")]
    [InlineData("activity", "interval=month&interval=quarter", "interval")]
    [InlineData("lead-sources", "sort=name", "sort")]
    [InlineData("lapsed-customers", "days=0", "days")]
    [InlineData("lapsed-customers", "limit=101", "limit")]
    [InlineData("lapsed-customers", "cursor=garbage", "cursor")]
    [InlineData("overdue-tasks", "from=2026-01-01", "from")]
    public async Task A_parameter_a_report_cannot_read_is_a_400_naming_it(string report, string query, string field)
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.GetAsync($"/api/v1/reports/{report}?{query}");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
