using System.Diagnostics;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// COPY with triggers off bypasses the triggers that keep the report summaries (issue #6) and the search word list
/// (V0024): both are computed from the loaded rows. <c>report_facts_rebuild</c> computes its independent parts one
/// after another on one connection (one core), under locks that keep writers out; no host serves the database during
/// a seed, so here its parts (<c>report_facts_rebuild_parts()</c>, V0026) and the word list run side by side on
/// <c>parallel</c> connections, the costliest first, into tables whose secondary indexes are dropped meanwhile and
/// built after (as for the loaded tables). The workspace is fresh: its summaries are empty, as each part expects.
/// </summary>
public static class SummaryRebuild
{
    private static readonly string[] WrittenTables = ["report_facts", "report_won_links", "report_won_cycles", "search_words"];

    /// <summary>
    /// Per connection: with a superuser, skip the foreign-key triggers of the summary tables (their one reference is
    /// the workspace, which exists); give the groupings of millions of facts room to hash without spilling to disk.
    /// </summary>
    private const string WorkMemory = "256MB";

    public static async Task RunAsync(NpgsqlDataSource dataSource, Guid workspace, bool triggersOff, int parallel)
    {
        var step = Stopwatch.StartNew();
        var work = new List<string>();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var read = new NpgsqlCommand("SELECT unnest(report_facts_rebuild_parts())", connection);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) work.Add($"SELECT report_facts_rebuild_part('{workspace}', '{reader.GetString(0)}')");
        }
        work.Add($"SELECT search_words_rebuild('{workspace}')");

        SecondaryIndexes indexes;
        await using (var connection = await dataSource.OpenConnectionAsync())
            indexes = await SecondaryIndexes.DropAsync(connection, WrittenTables);

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (sql, ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var settings = $"SET work_mem = '{WorkMemory}';" + (triggersOff ? " SET session_replication_role = replica;" : "");
            await using var command = new NpgsqlCommand($"{settings} {sql}", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
            Console.WriteLine($"  {sql} done at {step.Elapsed.TotalSeconds:F1} s");
        });

        var computed = step.Elapsed;
        await indexes.CreateAsync(dataSource, parallel);
        await using (var connection = await dataSource.OpenConnectionAsync())
            foreach (var table in WrittenTables)
            {
                await using var analyze = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection) { CommandTimeout = 0 };
                await analyze.ExecuteNonQueryAsync();
            }
        Console.WriteLine($"  {indexes.Count} indexes of the summaries and vacuum analyze: {(step.Elapsed - computed).TotalSeconds:F1} s");
    }
}
