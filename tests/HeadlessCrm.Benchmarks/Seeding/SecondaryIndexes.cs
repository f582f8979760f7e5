using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// Loading into a table without its secondary indexes and building them afterwards is several times faster than
/// maintaining them row by row. The definitions are read from the catalog (so they are exactly the migrations'),
/// dropped, and recreated from those definitions. Primary keys and unique constraints stay.
/// </summary>
public sealed class SecondaryIndexes(IReadOnlyList<(string Name, string Table, string Definition)> indexes)
{
    /// <summary>Per build: a GIN index sorts fewer, larger runs with more memory (the cluster's default is 512 MB).</summary>
    private const string BuildMemory = "1GB";

    /// <summary>How many of the longest builds to print, with their times.</summary>
    private const int Longest = 8;

    public int Count => indexes.Count;

    public static async Task<SecondaryIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyList<string> tables)
    {
        var indexes = new List<(string, string, string)>();
        await using (var read = new NpgsqlCommand("""
            SELECT i.indexname, i.tablename, i.indexdef FROM pg_indexes AS i
            WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            ORDER BY i.tablename, i.indexname
            """, connection))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = tables.ToArray() });
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (name, _, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }
        return new SecondaryIndexes(indexes);
    }

    /// <summary>
    /// Rebuilds the indexes, <paramref name="parallel"/> at a time (each on its own connection), the costliest first
    /// so no long build starts last and leaves the other workers idle: the larger the table the longer, and a GIN
    /// index (trigram, full text, arrays) several times longer than a B-tree over the same rows.
    /// </summary>
    public async Task CreateAsync(NpgsqlDataSource dataSource, int parallel)
    {
        await using var sizes = await dataSource.OpenConnectionAsync();
        var tableBytes = new Dictionary<string, long>();
        foreach (var table in indexes.Select(i => i.Table).Distinct())
        {
            await using var size = new NpgsqlCommand("SELECT pg_relation_size($1::regclass)", sizes);
            size.Parameters.Add(new NpgsqlParameter { Value = table });
            tableBytes[table] = (long)(await size.ExecuteScalarAsync())!;
        }
        var costliestFirst = indexes
            .OrderByDescending(i => tableBytes[i.Table] * (i.Definition.Contains(" USING gin ", StringComparison.OrdinalIgnoreCase) ? 4 : 1))
            .ToList();

        var seconds = new ConcurrentBag<(string Name, double Seconds)>();
        await Parallel.ForEachAsync(costliestFirst, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, ct) =>
        {
            var watch = Stopwatch.StartNew();
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand($"SET maintenance_work_mem = '{BuildMemory}'; {index.Definition}", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
            seconds.Add((index.Name, watch.Elapsed.TotalSeconds));
        });
        Console.WriteLine("  the longest builds: " + string.Join(", ", seconds.OrderByDescending(s => s.Seconds).Take(Longest).Select(s => $"{s.Name} {s.Seconds:F1} s")));
    }
}
