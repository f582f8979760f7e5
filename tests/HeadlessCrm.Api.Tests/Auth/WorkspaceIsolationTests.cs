namespace HeadlessCrm.Api.Tests.Auth;

/// <summary>The workspace comes from the token: another workspace's records cannot be read, listed, changed or linked to.</summary>
public sealed class WorkspaceIsolationTests(CrmApi api) : IClassFixture<CrmApi>, IAsyncLifetime
{
    private TestWorkspace _mine = null!;
    private TestWorkspace _theirs = null!;
    private JsonObject _company = null!, _contact = null!, _deal = null!, _activity = null!, _myContact = null!;
    private string _pipelineId = "";

    public async ValueTask InitializeAsync()
    {
        _mine = await api.NewWorkspaceAsync();
        _theirs = await api.NewWorkspaceAsync();
        _company = await _theirs.Http.CreateAsync("/api/v1/companies", new { name = "Theirs Inc", domain = "theirs.example" });
        _contact = await _theirs.Http.CreateAsync("/api/v1/contacts", new { firstName = "Their", emails = new[] { new { value = "their@theirs.example" } } });
        _deal = await _theirs.Http.CreateAsync("/api/v1/deals", new { title = "Their deal", amount = 10, currency = "EUR" });
        _activity = await _theirs.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "their note", contactId = _contact.Id() });
        _pipelineId = _deal["pipelineId"]!.GetValue<string>();
        _myContact = await _mine.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine" });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Their_records_are_not_found_by_id()
    {
        foreach (var url in new[]
                 {
                     $"/api/v1/companies/{_company.Id()}", $"/api/v1/contacts/{_contact.Id()}", $"/api/v1/deals/{_deal.Id()}",
                     $"/api/v1/activities/{_activity.Id()}", $"/api/v1/pipelines/{_pipelineId}",
                     $"/api/v1/contacts/{_contact.Id()}/timeline", $"/api/v1/deals/{_deal.Id()}/stage-history",
                     $"/api/v1/companies/{_company.Id()}/contacts", $"/api/v1/deals/{_deal.Id()}/contacts",
                 })
        {
            await (await _mine.Http.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Their_records_cannot_be_changed_archived_restored_or_linked()
    {
        await (await _mine.Http.PatchJsonAsync($"/api/v1/contacts/{_contact.Id()}", new { firstName = "Hijacked" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _mine.Http.DeleteAsync($"/api/v1/deals/{_deal.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _mine.Http.PostAsync($"/api/v1/companies/{_company.Id()}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _mine.Http.PutAsync($"/api/v1/deals/{_deal.Id()}/contacts/{_myContact.Id()}", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _mine.Http.PatchJsonAsync($"/api/v1/pipelines/{_pipelineId}", new { name = "Mine now" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var theirContact = await _theirs.Http.GetJsonAsync($"/api/v1/contacts/{_contact.Id()}");
        Assert.Equal("Their", theirContact["firstName"]!.GetValue<string>());
        Assert.Null((await _theirs.Http.GetJsonAsync($"/api/v1/deals/{_deal.Id()}"))["archivedAt"]);
    }

    [Fact]
    public async Task My_records_cannot_point_at_theirs()
    {
        await (await _mine.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "X", companyId = _company.Id() }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "companyId");
        await (await _mine.Http.PostJsonAsync("/api/v1/deals", new { title = "X", contactIds = new[] { _contact.Id() } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await _mine.Http.PostJsonAsync("/api/v1/deals", new { title = "X", pipelineId = _pipelineId }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "pipelineId");
        await (await _mine.Http.PostJsonAsync("/api/v1/activities", new { type = "note", body = "x", dealId = _deal.Id() }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "dealId");
        await (await _mine.Http.PutAsync($"/api/v1/deals/{(await _mine.Http.CreateAsync("/api/v1/deals", new { title = "Mine" })).Id()}/contacts/{_contact.Id()}", null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Their_records_are_in_none_of_my_lists_or_searches()
    {
        Assert.Empty((await _mine.Http.GetJsonAsync("/api/v1/companies")).Data());
        Assert.Equal([_myContact.Id()], (await _mine.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!.Id()));
        Assert.Empty((await _mine.Http.GetJsonAsync("/api/v1/deals")).Data());
        Assert.Empty((await _mine.Http.GetJsonAsync("/api/v1/activities")).Data());
        Assert.Empty((await _mine.Http.GetJsonAsync("/api/v1/contacts?email=their@theirs.example")).Data());
        Assert.Empty((await _mine.Http.GetJsonAsync("/api/v1/companies?domain=theirs.example")).Data());
        Assert.DoesNotContain(_pipelineId, (await _mine.Http.GetJsonAsync("/api/v1/pipelines")).Data().Select(p => p!.Id()));
        var search = await _mine.Http.PostJsonAsync("/api/v1/deals/search", new { filter = new { field = "id", value = _deal.Id() } });
        Assert.Empty((await search.JsonAsync()).Data());
    }
}
