namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>GraphQL over HTTP for tests: POST /graphql and read the response document.</summary>
public static class GraphClient
{
    public static async Task<JsonNode> GraphAsync(this HttpClient http, string query, object? variables = null)
    {
        var response = await http.PostJsonAsync("/graphql", new { query, variables });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    /// <summary>A response that must hold no errors; returns its data.</summary>
    public static async Task<JsonNode> DataAsync(this HttpClient http, string query, object? variables = null)
    {
        var result = await http.GraphAsync(query, variables);
        Assert.True(result["errors"] is null, $"Unexpected errors: {result["errors"]?.ToJsonString()}");
        return result["data"]!;
    }

    public static JsonNode[] Nodes(this JsonNode connection) =>
        connection["edges"]!.AsArray().Select(e => e!["node"]!).ToArray();

    public static JsonNode[] Errors(this JsonNode result) => result["errors"]?.AsArray().Select(e => e!).ToArray() ?? [];

    public static string Code(this JsonNode error) => error["extensions"]!["code"]!.GetValue<string>();

    public static string PathText(this JsonNode error) => string.Join(".", error["path"]!.AsArray().Select(p => p!.ToString()));
}
