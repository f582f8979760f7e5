using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Workspaces;
using HeadlessCrm.Api.Infrastructure.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>
/// The real host, on a database of its own, reached over HTTP with real OAuth tokens from its token endpoint.
/// Used as a class fixture: every test class gets its own database, and every test its own workspace.
/// </summary>
public class CrmApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = "";
    private int _clients;

    public string ConnectionString => _connectionString;

    /// <summary>Settings a fixture adds to (or changes in) the host's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        _connectionString = await TestCluster.NewDatabaseAsync();
        _ = Server; // start the host: migrations (already applied), signing key
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Crm", _connectionString);
        // Tests make hundreds of calls with one token; the limits themselves are tested with hosts of their own.
        builder.UseSetting("Crm:RateLimits:Requests", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new TestOutputLoggerProvider()));
        // Requests run in the calling test's execution context, so the host's log lines land in that test's output.
        builder.UseTestServer(server => server.PreserveExecutionContext = true);
    }

    /// <summary>A new workspace and a client for it holding <paramref name="scopes"/> (all of them when none are given).</summary>
    public async Task<TestWorkspace> NewWorkspaceAsync(params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<WorkspaceProvisioning>();
        var workspace = await provisioning.CreateWorkspaceAsync($"Test workspace {Guid.NewGuid():N}", CancellationToken.None);
        var ws = new TestWorkspace(this, workspace.Id);
        await ws.AddClientAsync(scopes.Length == 0 ? Scopes.All.ToArray() : scopes);
        return ws;
    }

    internal async Task<(string ClientId, string Secret)> CreateClientAsync(Guid workspaceId, string[] scopes)
    {
        var (clientId, secret) = await CreateClientAsync(workspaceId, scopes, confidential: true, redirectUris: []);
        return (clientId, secret!);
    }

    /// <summary>A client that signs members in: public (no secret) or confidential, with these redirect URIs.</summary>
    internal async Task<(string ClientId, string? Secret)> CreateClientAsync(Guid workspaceId, string[] scopes, bool confidential, string[] redirectUris)
    {
        await using var scope = Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<WorkspaceProvisioning>();
        scope.ServiceProvider.GetRequiredService<RequestContext>().ActAsSystem(workspaceId, Scopes.All);
        var clientId = $"test-client-{Interlocked.Increment(ref _clients)}-{Guid.NewGuid():N}";
        var secret = confidential ? $"secret-{Guid.NewGuid():N}" : null;
        await provisioning.CreateClientAsync(workspaceId, clientId, secret, scopes, "Test client", CancellationToken.None, redirectUris);
        return (clientId, secret);
    }

    /// <summary>A token from POST /connect/token (client_secret_post).</summary>
    public async Task<string> TokenAsync(string clientId, string secret, string? scope = null)
    {
        using var http = CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null) form["scope"] = scope;
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["access_token"]!.GetValue<string>();
    }

    public HttpClient ClientWithToken(string token)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
