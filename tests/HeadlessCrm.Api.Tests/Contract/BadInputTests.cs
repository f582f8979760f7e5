using System.Text;

namespace HeadlessCrm.Api.Tests.Contract;

/// <summary>Every kind of bad input is a 4xx problem that names what is wrong, and nothing is written.</summary>
public sealed class BadInputTests(CrmApi api) : IClassFixture<CrmApi>
{
    public static TheoryData<string, string, HttpStatusCode, string?> BadCreates => new()
    {
        { "malformed JSON", """{"name": "Acme" """, HttpStatusCode.BadRequest, null },
        { "not an object", """["Acme"]""", HttpStatusCode.BadRequest, null },
        { "empty body", "", HttpStatusCode.BadRequest, null },
        { "wrong type", """{"name": 5}""", HttpStatusCode.BadRequest, "name" },
        { "number as string", """{"name": "Acme", "employeeCount": "12"}""", HttpStatusCode.BadRequest, "employeeCount" },
        { "unknown enum value", """{"name": "Acme", "kind": "vendor"}""", HttpStatusCode.BadRequest, "kind" },
        { "enum as number", """{"name": "Acme", "kind": 1}""", HttpStatusCode.BadRequest, "kind" },
        { "unknown field", """{"name": "Acme", "colour": "red"}""", HttpStatusCode.BadRequest, "colour" },
        { "read-only field", """{"name": "Acme", "createdAt": "2020-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "createdAt" },
        { "null inside a list", """{"name": "Acme", "tags": [null]}""", HttpStatusCode.UnprocessableEntity, "tags[0]" },
        { "invalid UUID", """{"name": "Acme", "ownerId": "not-a-uuid"}""", HttpStatusCode.BadRequest, "ownerId" },
        { "timestamp without offset", """{"name": "Acme", "address": {"latitude": "north"}}""", HttpStatusCode.BadRequest, "address.latitude" },
        { "duplicate member", """{"name": "Acme", "name": "Other"}""", HttpStatusCode.BadRequest, null },
        { "nested too deep", """{"name": "Acme", "customFields": """ + new string('[', 70) + new string(']', 70) + "}", HttpStatusCode.BadRequest, null },
        { "rule broken", """{"name": "Acme", "address": {"country": "Germany"}}""", HttpStatusCode.UnprocessableEntity, "address.country" },
        { "unknown owner", $$"""{"name": "Acme", "ownerId": "{{Guid.NewGuid()}}"}""", HttpStatusCode.UnprocessableEntity, "ownerId" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public async Task A_bad_create_is_a_problem_naming_the_field_and_writes_nothing(string why, string body, HttpStatusCode status, string? field)
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostRawAsync("/api/v1/companies", body);
        var problem = await response.ShouldBeProblemAsync(status, field);
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()), why);
        await NothingWrittenAsync(ws);
    }

    [Fact]
    public async Task An_oversize_body_is_a_413_and_writes_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var body = $$"""{"name": "Big", "industry": "{{new string('x', 2 * 1024 * 1024)}}"}""";
        var response = await ws.Http.PostRawAsync("/api/v1/companies", body);
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await NothingWrittenAsync(ws);
    }

    [Fact]
    public async Task An_oversize_chunked_body_is_a_413_too()
    {
        var ws = await api.NewWorkspaceAsync();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"name": "{{new string('y', 2 * 1024 * 1024)}}"}""")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/companies") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await ws.Http.SendAsync(request);
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await NothingWrittenAsync(ws);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostRawAsync("/api/v1/companies", "name=Acme", "application/x-www-form-urlencoded");
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await NothingWrittenAsync(ws);
    }

    [Fact]
    public async Task A_bad_patch_is_a_problem_and_leaves_the_record_as_it_was()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Steady", employeeCount = 10 });
        var before = (await ws.Http.GetJsonAsync($"/api/v1/companies/{company.Id()}")).ToJsonString();

        await (await ws.Http.PatchJsonAsync($"/api/v1/companies/{company.Id()}", """{"employeeCount": "many"}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "employeeCount");
        await (await ws.Http.PatchJsonAsync($"/api/v1/companies/{company.Id()}", """{"id": "00000000-0000-0000-0000-000000000000"}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "id");
        await (await ws.Http.PatchJsonAsync($"/api/v1/companies/{company.Id()}", """{"name": null}""")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
        await (await ws.Http.PatchJsonAsync($"/api/v1/companies/{company.Id()}", """[1]""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, (await ws.Http.GetJsonAsync($"/api/v1/companies/{company.Id()}")).ToJsonString());
    }

    [Theory]
    [InlineData("/api/v1/deals?limit=0", "limit")]
    [InlineData("/api/v1/deals?limit=101", "limit")]
    [InlineData("/api/v1/deals?limit=ten", "limit")]
    [InlineData("/api/v1/deals?cursor=garbage", "cursor")]
    [InlineData("/api/v1/deals?cursor=eyJzIjoiY3JlYXRlZEF0In0.AAAA", "cursor")]
    [InlineData("/api/v1/deals?ownerId=not-a-uuid", "ownerId")]
    [InlineData("/api/v1/deals?status=pending", "status")]
    [InlineData("/api/v1/deals?amountMin=lots", "amountMin")]
    [InlineData("/api/v1/deals?createdAfter=yesterday", "createdAfter")]
    [InlineData("/api/v1/deals?colour=red", "colour")]
    [InlineData("/api/v1/deals?sort=colour", "sort")]
    [InlineData("/api/v1/deals?archived=maybe", "archived")]
    [InlineData("/api/v1/deals?limit=5&limit=6", "limit")]
    public async Task A_bad_list_parameter_is_a_400_naming_it(string url, string field)
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.GetAsync(url);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_tampered_cursor_is_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        for (var i = 0; i < 3; i++) await ws.Http.CreateAsync("/api/v1/companies", new { name = $"C{i}" });
        var cursor = (await ws.Http.GetJsonAsync("/api/v1/companies?limit=1"))["nextCursor"]!.GetValue<string>();
        var tampered = (cursor[3] == 'A' ? "B" : "A") is var c ? cursor[..3] + c + cursor[4..] : cursor;

        var response = await ws.Http.GetAsync($"/api/v1/companies?limit=1&cursor={Uri.EscapeDataString(tampered)}");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task A_malformed_id_in_the_path_is_a_404_problem()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.GetAsync("/api/v1/companies/not-a-uuid");
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task NothingWrittenAsync(TestWorkspace ws)
    {
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/companies")).Data());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/companies?archived=true")).Data());
    }
}
