using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Identity;
using HeadlessCrm.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.Hosting;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Crm";
    public const string AppConnectionStringName = "CrmApp";

    /// <summary>
    /// The CRM database: <c>ConnectionStrings:Crm</c> (the owner, which migrates), or else a private cluster started
    /// from the machine's PostgreSQL binaries in <c>Crm:EmbeddedPostgres:DataDir</c> and stopped with the host. Requests
    /// run as the row-level-security-bound role of <see cref="DatabaseRoles"/>.
    /// </summary>
    public static WebApplicationBuilder AddCrmDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var embedded = StartEmbedded(builder.Configuration["Crm:EmbeddedPostgres:DataDir"] ?? ".crm/pgdata");
            builder.Services.AddSingleton(embedded);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
            connectionString = embedded.ConnectionString("crm");
            builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = connectionString;
        }

        var roles = DatabaseRoles.From(connectionString, builder.Configuration.GetConnectionString(AppConnectionStringName));
        builder.Services.AddSingleton(roles);
        var dataSource = new NpgsqlDataSourceBuilder(ConnectionPoolDefaults.Apply(roles.Application)).Build();
        builder.Services.AddSingleton(dataSource);
        // Pooled: building a DbContext's options and its internal services per request cost more host CPU than the
        // query it ran (docs/performance.md). Each request rents one and binds it to its caller and clock.
        builder.Services.AddPooledDbContextFactory<CrmDbContext>(options => options
            .UseNpgsql(dataSource)
            .AddInterceptors(new WorkspaceSessionInterceptor()));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext()
            .Bind(services.GetRequiredService<RequestContext>(), services.GetRequiredService<TimeProvider>()));
        // Never the context itself under a second type: the scope would dispose (return to the pool) it twice.
        builder.Services.AddScoped<IIdentityStore, IdentityStore>();
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }

    private static EmbeddedPostgres StartEmbedded(string dataDir)
    {
        try
        {
            var cluster = EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDir = dataDir }).GetAwaiter().GetResult();
            cluster.EnsureDatabaseAsync("crm").GetAwaiter().GetResult();
            return cluster;
        }
        catch (PostgresNotInstalledException e)
        {
            // The one line a new user needs, not a stack trace.
            Console.Error.WriteLine($"error: {e.Message}");
            Environment.Exit(2);
            throw;
        }
    }

    private sealed class EmbeddedPostgresLifetime(EmbeddedPostgres cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await cluster.DisposeAsync();
    }
}
