namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>Lead-source effectiveness and the lapsed customers to win back.</summary>
public sealed class CustomerReportTests : IClassFixture<ClockedCrmApi>
{
    private readonly ClockedCrmApi _api;

    public CustomerReportTests(ClockedCrmApi api)
    {
        _api = api;
        _api.Clock.Reset();
    }

    private static async Task<string> ContactAsync(HttpClient http, string? source, string lifecycleStage = "lead", string? ownerId = null) =>
        (await http.CreateAsync("/api/v1/contacts", new { firstName = $"C{Guid.NewGuid():N}"[..8], source, lifecycleStage, ownerId })).Id();

    [Fact]
    public async Task Lead_sources_show_contacts_customers_won_deals_revenue_and_conversion_per_channel()
    {
        var ws = await _api.NewWorkspaceAsync();
        var (pipeline, s) = await ws.Http.PipelineAsync();
        var webCustomer = await ContactAsync(ws.Http, "web_form", "customer");
        var webLead = await ContactAsync(ws.Http, "web_form");
        var webLead2 = await ContactAsync(ws.Http, "web_form");
        var referral1 = await ContactAsync(ws.Http, "referral", "customer");
        var referral2 = await ContactAsync(ws.Http, "referral", "customer");
        await ContactAsync(ws.Http, null);

        var w1 = await ws.Http.DealAsync(pipeline, 1000, "EUR", contactIds: [webCustomer, referral1]);
        var w2 = await ws.Http.DealAsync(pipeline, 500, "USD", contactIds: [referral2, referral1]);
        var w3 = await ws.Http.DealAsync(pipeline, 200, "EUR", contactIds: [webLead]);
        await ws.Http.DealAsync(pipeline, 5000, "EUR", contactIds: [webLead2]); // still open
        foreach (var deal in new[] { w1, w2, w3 }) await ws.Http.MoveAsync(deal, s["Won"]);

        var report = await ws.Http.GetJsonAsync("/api/v1/reports/lead-sources");
        var chart = report["chart"]!;
        var keys = chart["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        Assert.Equal(["organic_search", "paid_ads", "email", "social", "event", "referral", "web_form", "phone", "other", "unknown"], keys);
        Assert.Equal("Web form", chart.Labels()[keys.IndexOf("web_form")]);
        decimal? At(string metric, string key, string? currency = null) => chart.Series(metric, currency)[keys.IndexOf(key)];

        Assert.Equal(3m, At("contactsCreated", "web_form"));
        Assert.Equal(1m, At("becameCustomers", "web_form"));
        Assert.Equal(2m, At("contactsWithWonDeal", "web_form"));
        Assert.Equal(2m, At("dealsWon", "web_form"));
        Assert.Equal(1200m, At("revenue", "web_form", "EUR"));
        Assert.Equal(0m, At("revenue", "web_form", "USD"));
        Assert.Equal(0.3333m, At("customerConversion", "web_form"));
        Assert.Equal(0.6667m, At("wonDealConversion", "web_form"));

        Assert.Equal(2m, At("contactsCreated", "referral"));
        Assert.Equal(2m, At("becameCustomers", "referral"));
        Assert.Equal(2m, At("dealsWon", "referral")); // w2 has two referral contacts: one deal
        Assert.Equal(1000m, At("revenue", "referral", "EUR"));
        Assert.Equal(500m, At("revenue", "referral", "USD"));
        Assert.Equal(1m, At("customerConversion", "referral"));

        Assert.Equal(1m, At("contactsCreated", "unknown"));
        Assert.Equal(0m, At("contactsCreated", "phone"));
        Assert.Null(At("customerConversion", "phone"));
    }

    [Fact]
    public async Task Lapsed_customers_are_those_without_activity_or_won_deal_for_n_days_paged_with_their_last_activity()
    {
        var ws = await _api.NewWorkspaceAsync();
        var admin = await ws.MemberAsync("admin");
        var ray = await ws.MemberAsync("rep");
        var (pipeline, s) = await ws.Http.PipelineAsync();
        _api.Clock.Set(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var quietSinceJanuary = await ContactAsync(admin.Http, "referral", "customer", ray.Id);
        var calledInFebruary = await ContactAsync(admin.Http, "referral", "customer", ray.Id);
        var neverContacted = await ContactAsync(admin.Http, null, "customer");
        var wonInFebruary = await ContactAsync(admin.Http, null, "customer");
        await ContactAsync(admin.Http, null, "lead");
        var wonLongAgo = await ContactAsync(admin.Http, null, "customer");

        _api.Clock.Set(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var early = await admin.Http.DealAsync(pipeline, 10, "EUR", contactIds: [wonLongAgo]);
        await admin.Http.MoveAsync(early, s["Won"]);
        _api.Clock.Set(new DateTimeOffset(2027, 2, 20, 9, 0, 0, TimeSpan.Zero));
        var recent = await admin.Http.DealAsync(pipeline, 10, "EUR", contactIds: [wonInFebruary]);
        await admin.Http.MoveAsync(recent, s["Won"]);

        _api.Clock.Set(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var lastCall = await admin.Http.ActivityAsync(new { subject = "Work", type = "call", occurredAt = "2027-01-10T09:00:00Z", contactId = quietSinceJanuary, ownerId = ray.Id });
        await admin.Http.ActivityAsync(new { subject = "Work", type = "email", occurredAt = "2027-01-08T09:00:00Z", contactId = quietSinceJanuary, ownerId = ray.Id });
        await admin.Http.ActivityAsync(new { subject = "Work", type = "call", occurredAt = "2027-02-15T09:00:00Z", contactId = calledInFebruary, ownerId = ray.Id });
        await admin.Http.ActivityAsync(new { subject = "Work", type = "note", occurredAt = "2027-01-06T09:00:00Z", contactId = wonLongAgo });

        var first = await admin.Http.GetJsonAsync("/api/v1/reports/lapsed-customers?days=30&limit=2");
        Assert.Equal([quietSinceJanuary, neverContacted], first.Data().Select(c => c!["contactId"]!.GetValue<string>()));
        var quiet = first.Data()[0]!;
        Assert.Equal(lastCall, quiet["lastActivity"]!["id"]!.GetValue<string>());
        Assert.Equal("call", quiet["lastActivity"]!["type"]!.GetValue<string>());
        Assert.Equal(50, quiet["daysSinceLastActivity"]!.GetValue<int>());
        Assert.Null(first.Data()[1]!["lastActivity"]);

        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await admin.Http.GetJsonAsync($"/api/v1/reports/lapsed-customers?days=30&limit=2&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal([wonLongAgo], second.Data().Select(c => c!["contactId"]!.GetValue<string>()));
        Assert.Null(second["nextCursor"]);

        // Ray owns two of the customers: only the quiet one is his to win back. A longer silence asked for: nobody yet.
        var rays = await ray.Http.GetJsonAsync("/api/v1/reports/lapsed-customers?days=30");
        Assert.Equal([quietSinceJanuary], rays.Data().Select(c => c!["contactId"]!.GetValue<string>()));
        Assert.Empty((await admin.Http.GetJsonAsync("/api/v1/reports/lapsed-customers?days=365")).Data());
    }
}
