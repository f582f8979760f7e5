namespace HeadlessCrm.Api.Tests.Contract;

/// <summary>Idempotency-Key on POST: a retried create is answered with the first response, not done twice.</summary>
public sealed class IdempotencyTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static HttpRequestMessage Post(string url, string key, string body) => new(HttpMethod.Post, url)
    {
        Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        Headers = { { "Idempotency-Key", key } },
    };

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_response_and_creates_once()
    {
        var ws = await api.NewWorkspaceAsync();
        var key = Guid.NewGuid().ToString();
        var first = await ws.Http.SendAsync(Post("/api/v1/contacts", key, """{"firstName": "Once"}"""));
        await first.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var retry = await ws.Http.SendAsync(Post("/api/v1/contacts", key, """{"firstName": "Once"}"""));
        await retry.ShouldHaveStatusAsync(HttpStatusCode.Created);

        Assert.Equal((await first.JsonAsync()).Id(), (await retry.JsonAsync()).Id());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/contacts")).Data());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var key = Guid.NewGuid().ToString();
        await (await ws.Http.SendAsync(Post("/api/v1/contacts", key, """{"firstName": "One"}"""))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var other = await ws.Http.SendAsync(Post("/api/v1/contacts", key, """{"firstName": "Two"}"""));
        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/contacts")).Data());
    }

    [Fact]
    public async Task A_refused_request_is_refused_the_same_way_on_retry()
    {
        var ws = await api.NewWorkspaceAsync();
        var key = Guid.NewGuid().ToString();
        var first = await ws.Http.SendAsync(Post("/api/v1/contacts", key, """{"title": "No name"}"""));
        await first.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var retry = await ws.Http.SendAsync(Post("/api/v1/contacts", key, """{"title": "No name"}"""));
        await retry.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Keys_of_different_workspaces_do_not_collide()
    {
        var one = await api.NewWorkspaceAsync();
        var two = await api.NewWorkspaceAsync();
        var key = Guid.NewGuid().ToString();
        var a = await one.Http.SendAsync(Post("/api/v1/companies", key, """{"name": "Same"}"""));
        var b = await two.Http.SendAsync(Post("/api/v1/companies", key, """{"name": "Same"}"""));
        await a.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await b.ShouldHaveStatusAsync(HttpStatusCode.Created);
        Assert.NotEqual((await a.JsonAsync()).Id(), (await b.JsonAsync()).Id());
    }

    [Fact]
    public async Task A_malformed_key_is_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.SendAsync(Post("/api/v1/companies", new string('k', 300), """{"name": "X"}"""));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
