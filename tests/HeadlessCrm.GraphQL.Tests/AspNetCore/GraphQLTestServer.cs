using HeadlessCrm.GraphQL.AspNetCore;
using HeadlessCrm.GraphQL.Tests.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeadlessCrm.GraphQL.Tests.AspNetCore;

/// <summary>A minimal in-memory host serving the library schema at /graphql, the way an application composes the engine.</summary>
public sealed class GraphQLTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestServer(WebApplication app, Library library)
    {
        _app = app;
        Library = library;
        Client = app.GetTestClient();
    }

    public Library Library { get; }

    public HttpClient Client { get; }

    public TestServer Server => _app.GetTestServer();

    public static async Task<GraphQLTestServer> StartAsync(Action<GraphQLServerOptions>? configure = null)
    {
        var library = new Library();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGraphQL(library.Schema, configure);
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGraphQL("/graphql");
        await app.StartAsync();
        return new GraphQLTestServer(app, library);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
