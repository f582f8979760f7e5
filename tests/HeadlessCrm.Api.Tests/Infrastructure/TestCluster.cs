using HeadlessCrm.Api.Infrastructure.Hosting;
using HeadlessCrm.Postgres;
using Npgsql;

namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, holding a migrated template database; each test class gets its own
/// database cloned from the template (a file copy, much faster than migrating again).
/// </summary>
public static class TestCluster
{
    private const string Template = "crm_template";
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync);
    private static readonly SemaphoreSlim CloneGate = new(1, 1);
    private static int _databases;

    /// <summary>The connection string of a new, empty-but-migrated database of its own.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var cluster = await Cluster.Value;
        var name = $"crm_test_{Interlocked.Increment(ref _databases)}_{Environment.ProcessId}";
        await CloneGate.WaitAsync();
        try
        {
            await cluster.EnsureDatabaseAsync(name, Template);
        }
        finally
        {
            CloneGate.Release();
        }
        return cluster.ConnectionString(name);
    }

    /// <summary>The cluster's superuser connection to a database, for tests that look beneath the API.</summary>
    public static async Task<string> ConnectionStringAsync(string database) => (await Cluster.Value).ConnectionString(database);

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"headlesscrm-tests-{Environment.ProcessId}", "pgdata");
        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDir = dataDir,
            Ephemeral = true,
            Settings = new Dictionary<string, string> { ["max_connections"] = "300" },
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Path.GetDirectoryName(dataDir)!, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };

        await cluster.EnsureDatabaseAsync(Template);
        var templateConnection = cluster.ConnectionString(Template);
        await SqlMigrator.MigrateAsync(templateConnection, DatabaseStartup.Migrations);
        // CREATE DATABASE … TEMPLATE needs the template to have no sessions.
        NpgsqlConnection.ClearAllPools();
        return cluster;
    }
}
