namespace HeadlessCrm.Api.Tests.Lists;

/// <summary>Keyset paging: every record exactly once, in the order asked for, however the pages fall.</summary>
public sealed class PagingTests(CrmApi api) : IClassFixture<CrmApi>, IAsyncLifetime
{
    private TestWorkspace _ws = null!;
    private List<JsonNode> _deals = [];

    public async ValueTask InitializeAsync()
    {
        _ws = await api.NewWorkspaceAsync();
        var created = new List<JsonNode>();
        for (var i = 0; i < 250; i++)
        {
            // Amounts repeat (ties broken by id), and every seventh deal has none (nulls sort last going up).
            object body = i % 7 == 0
                ? new { title = $"Deal {i:D3}" }
                : new { title = $"Deal {i:D3}", amount = (i * 37) % 50 * 100, currency = "EUR" };
            created.Add(await _ws.Http.CreateAsync("/api/v1/deals", body));
        }
        _deals = created;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<List<JsonNode>> ReadAllAsync(string query)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _ws.Http.GetJsonAsync($"/api/v1/deals?{query}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            all.AddRange(page.Data().Select(d => d!));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(++pages < 300, "paging does not end");
        } while (cursor is not null);
        return all;
    }

    [Theory]
    [InlineData(50)]
    [InlineData(7)]
    [InlineData(100)]
    public async Task Paging_through_250_deals_returns_each_once_newest_first(int limit)
    {
        var all = await ReadAllAsync($"limit={limit}");
        Assert.Equal(250, all.Count);
        Assert.Equal(_deals.Select(d => d.Id()).Reverse(), all.Select(d => d.Id()));
    }

    [Fact]
    public async Task Paging_by_amount_keeps_ties_in_id_order_and_puts_missing_amounts_last()
    {
        var all = await ReadAllAsync("limit=13&sort=amount");
        var expected = _deals
            .OrderBy(d => d["amount"] is null ? 1 : 0)
            .ThenBy(d => d["amount"]?.GetValue<decimal>())
            .ThenBy(d => Guid.Parse(d.Id()).ToString("N"), StringComparer.Ordinal)
            .Select(d => d.Id());
        Assert.Equal(expected, all.Select(d => d.Id()));
    }

    [Fact]
    public async Task Paging_by_amount_descending_puts_missing_amounts_first()
    {
        var all = await ReadAllAsync("limit=17&sort=-amount");
        Assert.Equal(250, all.Select(d => d.Id()).Distinct().Count());
        var amounts = all.Select(d => d["amount"]?.GetValue<decimal>()).ToList();
        var firstValue = amounts.FindIndex(a => a is not null);
        Assert.All(amounts.Take(firstValue), a => Assert.Null(a));
        Assert.Equal(amounts.Skip(firstValue).OrderDescending(), amounts.Skip(firstValue));
    }

    [Fact]
    public async Task A_cursor_made_for_one_sort_is_refused_for_another()
    {
        var page = await _ws.Http.GetJsonAsync("/api/v1/deals?limit=10&sort=amount");
        var cursor = page["nextCursor"]!.GetValue<string>();
        var response = await _ws.Http.GetAsync($"/api/v1/deals?limit=10&sort=createdAt&cursor={Uri.EscapeDataString(cursor)}");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }
}
