namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>Making report data through the API, and reading report series back.</summary>
public static class ReportData
{
    /// <summary>A pipeline Lead (0.2) → Demo (0.5) → Proposal (0.8) → Won / Lost; returns its id and stage ids by name.</summary>
    public static async Task<(string Id, Dictionary<string, string> Stages)> PipelineAsync(this HttpClient http, string name = "Sales")
    {
        var pipeline = await http.CreateAsync("/api/v1/pipelines", new
        {
            name,
            stages = new object[]
            {
                new { name = "Lead", probability = 0.2 },
                new { name = "Demo", probability = 0.5 },
                new { name = "Proposal", probability = 0.8 },
                new { name = "Won", kind = "won" },
                new { name = "Lost", kind = "lost" },
            },
        });
        var stages = pipeline["stages"]!.AsArray().ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!.Id());
        return (pipeline.Id(), stages);
    }

    public static async Task<string> DealAsync(this HttpClient http, string pipelineId, decimal? amount, string? currency,
        string? ownerId = null, string? expectedCloseDate = null, string? stageId = null, string[]? contactIds = null) =>
        (await http.CreateAsync("/api/v1/deals", new
        {
            title = $"Deal {Guid.NewGuid():N}",
            amount,
            currency,
            pipelineId,
            stageId,
            ownerId,
            expectedCloseDate,
            contactIds = contactIds ?? [],
        })).Id();

    /// <summary>Moves a deal (the stage change of PATCH /deals/{id}); a lost stage gets a reason.</summary>
    public static async Task MoveAsync(this HttpClient http, string dealId, string stageId, bool lost = false)
    {
        var response = await http.PatchJsonAsync($"/api/v1/deals/{dealId}", lost ? new { stageId, lostReason = "Price" } : new { stageId });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    public static async Task<string> ActivityAsync(this HttpClient http, object activity) => (await http.CreateAsync("/api/v1/activities", activity)).Id();

    /// <summary>The values of one series, picked by metric and, where given, currency and owner (null: the everyone series).</summary>
    public static decimal?[] Series(this JsonNode chart, string metric, string? currency = null, string? ownerId = null, bool perOwner = false) =>
        chart["series"]!.AsArray()
            .Single(s => s!["metric"]!.GetValue<string>() == metric
                         && s["currency"]?.GetValue<string>() == currency
                         && (perOwner || ownerId is not null
                             ? s["owner"] is JsonObject owner && owner["id"]?.GetValue<string>() == ownerId
                             : s["owner"] is null))!
            ["values"]!.AsArray().Select(v => v?.GetValue<decimal>()).ToArray();

    public static string[] Labels(this JsonNode chart) => chart["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();

    public static int SeriesCount(this JsonNode chart, string metric) =>
        chart["series"]!.AsArray().Count(s => s!["metric"]!.GetValue<string>() == metric);
}
