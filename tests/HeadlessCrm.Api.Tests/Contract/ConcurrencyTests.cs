namespace HeadlessCrm.Api.Tests.Contract;

/// <summary>ETags on reads, If-Match on writes (412 when stale), If-None-Match on reads (304).</summary>
public sealed class ConcurrencyTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_stale_if_match_is_a_412_and_the_change_is_not_made()
    {
        var ws = await api.NewWorkspaceAsync();
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Contested" });
        var read = await ws.Http.GetAsync($"/api/v1/deals/{deal.Id()}");
        var etag = read.Headers.ETag!.ToString();

        var first = await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { title = "First writer" }, etag);
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, first.Headers.ETag!.ToString());

        var second = await ws.Http.PatchJsonAsync($"/api/v1/deals/{deal.Id()}", new { title = "Second writer" }, etag);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("First writer", (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}"))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_if_match_on_delete_is_a_412_and_the_record_stays()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Keep me" });
        await ws.Http.PatchJsonAsync($"/api/v1/companies/{company.Id()}", new { name = "Changed" });

        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/companies/{company.Id()}");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await ws.Http.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/companies")).Data());
    }

    [Fact]
    public async Task A_current_if_none_match_is_a_304()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Cached" });
        var read = await ws.Http.GetAsync($"/api/v1/contacts/{contact.Id()}");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/contacts/{contact.Id()}");
        request.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        var again = await ws.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Changing_a_deals_contacts_changes_its_etag()
    {
        var ws = await api.NewWorkspaceAsync();
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Joiner" });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Growing" });
        var before = (await ws.Http.GetAsync($"/api/v1/deals/{deal.Id()}")).Headers.ETag;

        await ws.Http.PutAsync($"/api/v1/deals/{deal.Id()}/contacts/{contact.Id()}", null);
        Assert.NotEqual(before, (await ws.Http.GetAsync($"/api/v1/deals/{deal.Id()}")).Headers.ETag);
    }
}
