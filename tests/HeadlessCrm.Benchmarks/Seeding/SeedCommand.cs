using System.Diagnostics;
using HeadlessCrm.Api.Infrastructure.Hosting;
using HeadlessCrm.Postgres;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// <c>seed</c>: migrates the database with the host's own migrations, creates (or finds) the benchmark workspace and
/// its client, and bulk-loads companies, contacts, deals (with contacts and stage history) and activities.
/// </summary>
public static class SeedCommand
{
    private static readonly string[] LoadedTables = ["companies", "contacts", "deals", "deal_contacts", "deal_stage_history", "activities"];

    public static async Task<int> RunAsync(SeedOptions options)
    {
        var total = Stopwatch.StartNew();
        var owner = new NpgsqlConnectionStringBuilder(options.Connection) { CommandTimeout = 0 }.ConnectionString;
        var applied = await SqlMigrator.MigrateAsync(owner, DatabaseStartup.Migrations);
        Console.WriteLine(applied.Count == 0 ? "migrations: up to date" : $"migrations: applied V{string.Join(", V", applied)}");
        await DatabaseRoles.From(owner, null).EnableApplicationLoginAsync(CancellationToken.None);

        await using var dataSource = new NpgsqlDataSourceBuilder(owner).Build();
        await using var connection = await dataSource.OpenConnectionAsync();
        var workspace = await SeedWorkspace.EnsureAsync(connection, options);
        Console.WriteLine($"workspace {workspace.Id}: {workspace.Reps.Count} reps, {workspace.Managers.Count} managers, " +
                          $"{workspace.Pipelines.Count} pipelines; client '{options.ClientId}'");

        var existing = await ScalarAsync<long>(connection, "SELECT count(*) FROM contacts WHERE workspace_id = $1", workspace.Id);
        if (existing > 0)
        {
            Console.WriteLine($"already seeded ({existing:N0} contacts): reusing it. Seed a fresh database to change the size.");
            return 0;
        }

        var triggersOff = await ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
        var data = new Dataset(options, workspace);
        RowSource[] sources = [new CompanyRows(data), new ContactRows(data), new DealRows(data), new DealContactRows(data), new StageHistoryRows(data), new ActivityRows(data)];
        Console.WriteLine($"loading {options.Companies:N0} companies, {options.Contacts:N0} contacts, {options.Deals:N0} deals, " +
                          $"{options.Activities:N0} activities (seed {options.Seed}; foreign-key triggers {(triggersOff ? "off" : "on")})");

        var indexes = await SecondaryIndexes.DropAsync(connection, LoadedTables);
        var step = Stopwatch.StartNew();
        try
        {
            await new BulkLoader(dataSource, triggersOff, parallel: Math.Max(2, Environment.ProcessorCount)).LoadAsync(sources);
            Console.WriteLine($"copy: {step.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            step.Restart();
            await indexes.CreateAsync(dataSource, parallel: Math.Max(2, Environment.ProcessorCount));
            Console.WriteLine($"indexes: {indexes.Count} rebuilt in {step.Elapsed.TotalSeconds:F1} s");
        }

        // Sets hint bits and the visibility map now, not during the first benchmark run, and gives the planner
        // statistics, before the summaries: without any, the rebuild joined the 1M contacts through an index that does
        // not lead with the id and had not finished after 20 minutes (its table locks keep autovacuum out meanwhile).
        step.Restart();
        foreach (var table in LoadedTables) await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table}");
        Console.WriteLine($"vacuum analyze: {step.Elapsed.TotalSeconds:F1} s");

        step.Restart();
        await SummaryRebuild.RunAsync(dataSource, workspace.Id, triggersOff, parallel: Math.Max(2, Environment.ProcessorCount));
        Console.WriteLine($"report summaries and search words rebuilt in {step.Elapsed.TotalSeconds:F1} s");

        foreach (var table in LoadedTables)
            Console.WriteLine($"  {table,-20} {await ScalarAsync<long>(connection, $"SELECT count(*) FROM {table} WHERE workspace_id = $1", workspace.Id),12:N0} rows");
        Console.WriteLine($"seed done in {total.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, params object[] args)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = arg });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
