using HeadlessCrm.Api.Tests.Graph;

namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>The reports through GraphQL's <c>reports</c> field: the same figures, rules and errors as REST.</summary>
public sealed class ReportGraphTests : IClassFixture<ClockedCrmApi>
{
    private const string Funnel = """
        query($pipeline: UUID, $currency: String) {
          reports { funnel(pipelineId: $pipeline, currency: $currency) {
            pipelineId stages { name kind }
            chart { labels keys series { metric unit currency owner { id name } values } } } }
        }
        """;

    private readonly ClockedCrmApi _api;

    public ReportGraphTests(ClockedCrmApi api)
    {
        _api = api;
        _api.Clock.Reset();
    }

    [Fact]
    public async Task A_reps_funnel_over_graphql_is_the_one_rest_gives_them()
    {
        var ws = await _api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var other = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var mine = await ws.Http.DealAsync(pipeline, 1000, "EUR", rep.Id);
        await ws.Http.MoveAsync(mine, s["Demo"]);
        await ws.Http.DealAsync(pipeline, 250, "EUR", rep.Id);
        await ws.Http.DealAsync(pipeline, 9000, "EUR", other.Id);

        var graph = (await rep.Http.DataAsync(Funnel, new { pipeline }))["reports"]!["funnel"]!;
        var rest = await rep.Http.GetJsonAsync($"/api/v1/reports/funnel?pipelineId={pipeline}");

        Assert.Equal([2m, 1m, 0m, 0m, 0m], graph["chart"]!.Series("deals"));
        Assert.Equal([1250m, 1000m, 0m, 0m, 0m], graph["chart"]!.Series("amount", "EUR"));
        Assert.Equal(rest["chart"]!["labels"]!.ToJsonString(), graph["chart"]!["labels"]!.ToJsonString());
        Assert.Equal(rest["chart"]!.Series("conversion"), graph["chart"]!.Series("conversion"));
        Assert.Equal(["LEAD_OPEN", "DEMO_OPEN", "PROPOSAL_OPEN", "WON_WON", "LOST_LOST"],
            graph["stages"]!.AsArray().Select(x => $"{x!["name"]!.GetValue<string>().ToUpperInvariant()}_{x["kind"]!.GetValue<string>()}"));
    }

    [Fact]
    public async Task Without_the_reports_scope_the_field_fails_and_the_rest_of_the_response_is_served()
    {
        var ws = await _api.NewWorkspaceAsync("crm.pipelines.read");
        var result = await ws.Http.GraphAsync("{ pipelines { edges { node { name } } } reports { overdueTasks { asOf } } }");

        var error = Assert.Single(result.Errors());
        Assert.Equal("FORBIDDEN", error.Code());
        Assert.Equal("reports.overdueTasks", error.PathText());
        Assert.Equal("crm.reports.read", error["extensions"]!["scope"]!.GetValue<string>());
        Assert.NotNull(result["data"]!["pipelines"]);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_with_the_field_and_reason_rest_gives()
    {
        var ws = await _api.NewWorkspaceAsync();
        var result = await ws.Http.GraphAsync("""{ reports { forecast(from: "2026-05-01", to: "2026-01-01") { from } } }""");

        var error = Assert.Single(result.Errors());
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Contains("Must not be before from.", error["extensions"]!["errors"]!["to"]!.ToJsonString());
        await (await ws.Http.GetAsync("/api/v1/reports/forecast?from=2026-05-01&to=2026-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "to");
    }
}
