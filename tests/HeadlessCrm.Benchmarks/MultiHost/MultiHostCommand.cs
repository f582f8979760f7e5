using HeadlessCrm.Api.Infrastructure.Hosting;
using HeadlessCrm.Benchmarks.Seeding;
using Npgsql;

namespace HeadlessCrm.Benchmarks.MultiHost;

/// <summary>
/// <c>multihost</c>: two host processes started at the same moment on one fresh, empty database (so their migrations
/// race), then the checks of <see cref="MultiHostChecks"/>, each printed as PASS or FAIL.
/// </summary>
public static class MultiHostCommand
{
    private const string ClientId = "multihost-client";
    private const string ClientSecret = "multihost-secret";

    public static async Task<int> RunAsync(MultiHostOptions options)
    {
        var database = $"crm_multihost_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var server = new NpgsqlConnectionStringBuilder(options.Connection) { Database = "postgres", Pooling = false };
        var owner = new NpgsqlConnectionStringBuilder(options.Connection) { Database = database }.ConnectionString;
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{database}\"");
        Console.WriteLine($"database {database} (fresh); host {options.ApiDll}");
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__Crm"] = owner,
                // Behind one address, hosts share the issuer: what a load balancer deployment configures.
                ["Crm__Auth__Issuer"] = "http://crm.multihost.local",
                ["Crm__RateLimits__Requests"] = options.RateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Crm__RateLimits__Window"] = "00:01:00",
            };
            await using var a = HostProcess.Start(options.ApiDll, options.Ports[0], settings);
            await using var b = HostProcess.Start(options.ApiDll, options.Ports[1], settings);
            Console.WriteLine($"host A pid {a.Pid} on {a.Url} (log {a.LogPath}); host B pid {b.Pid} on {b.Url} (log {b.LogPath})");
            var ready = await Task.WhenAll(a.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), b.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));
            if (!ready.All(r => r))
            {
                Console.WriteLine($"FAIL  both hosts start: A ready {ready[0]}, B ready {ready[1]} (see the logs)");
                return 1;
            }

            await using (var connection = new NpgsqlConnection(owner))
            {
                await connection.OpenAsync();
                await SeedWorkspace.EnsureAsync(connection, new SeedOptions(owner, 0, 0, 0, 0, 7, ClientId, ClientSecret));
            }
            var checks = new MultiHostChecks(a.Url, b.Url, owner, ClientId, ClientSecret, options.RateLimit);
            var results = await checks.RunAllAsync();
            foreach (var (name, passed, detail) in results)
                Console.WriteLine($"{(passed ? "PASS" : "FAIL")}  {name}: {detail}");
            return results.All(r => r.Passed) ? 0 : 1;
        }
        finally
        {
            if (!options.KeepDatabase) await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static int MigrationCount => DatabaseStartup.Migrations.Count;
}
