using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>JSON over HTTP for tests: send raw text or objects, read JsonNode back, and check problem documents.</summary>
public static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string url, object body) =>
        http.PostAsync(url, Json(body));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string url, string body, string contentType = "application/json") =>
        http.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient http, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = Json(body, "application/merge-patch+json") };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return http.SendAsync(request);
    }

    /// <summary>POST that must succeed with 201; returns the created record.</summary>
    public static async Task<JsonObject> CreateAsync(this HttpClient http, string url, object body)
    {
        var response = await http.PostJsonAsync(url, body);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.JsonAsync()).AsObject();
    }

    /// <summary>GET that must succeed with 200.</summary>
    public static async Task<JsonNode> GetJsonAsync(this HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");

    /// <summary>Asserts the status, showing the body when it differs (a problem document says why).</summary>
    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            Assert.Fail($"Expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts a problem+json response with this status whose <c>errors</c> name <paramref name="field"/> (if given).</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        await response.ShouldHaveStatusAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.JsonAsync()).AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors?.ContainsKey(field) == true, $"Expected an error for '{field}' in {problem.ToJsonString()}");
        }
        return problem;
    }

    public static JsonArray Data(this JsonNode page) => page["data"]!.AsArray();

    public static string Id(this JsonNode record) => record["id"]!.GetValue<string>();

    private static StringContent Json(object body, string mediaType = "application/json") =>
        new(body is string s ? s : System.Text.Json.JsonSerializer.Serialize(body, JsonOptions), Encoding.UTF8, mediaType);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);
}
