using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>What scenarios share: the workspace, the owner's connection (to pick sample rows) and an HTTP client.</summary>
public sealed class ScenarioContext(Guid workspaceId, NpgsqlDataSource owner, HttpClient http)
{
    public Guid WorkspaceId { get; } = workspaceId;
    public HttpClient Http { get; } = http;

    /// <summary>Up to <paramref name="limit"/> values of the query's first column, spread over the table.</summary>
    public async Task<List<T>> SampleAsync<T>(string sql, int limit = 10_000)
    {
        await using var command = owner.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = WorkspaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    /// <summary>Null when the endpoint exists; otherwise why the scenario must be skipped.</summary>
    public static string? Missing(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
            ? $"{response.RequestMessage?.RequestUri?.AbsolutePath} answers {(int)response.StatusCode}: not built yet"
            : null;

    public static async Task<HttpResponseMessage> EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // Read the body to the end: the time to produce it is part of the response.
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.IsSuccessStatusCode) return response;
        var text = System.Text.Encoding.UTF8.GetString(body);
        response.Dispose();
        throw new ScenarioException($"{(int)response.StatusCode}: {(text.Length > 200 ? text[..200] : text)}");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(ct);
}
