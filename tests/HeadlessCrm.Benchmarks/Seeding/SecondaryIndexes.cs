using Npgsql;

namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// Loading into a table without its secondary indexes and building them afterwards is several times faster than
/// maintaining them row by row. The definitions are read from the catalog (so they are exactly the migrations'),
/// dropped, and recreated from those definitions. Primary keys and unique constraints stay.
/// </summary>
public sealed class SecondaryIndexes(IReadOnlyList<(string Name, string Definition)> indexes)
{
    public int Count => indexes.Count;

    public static async Task<SecondaryIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyList<string> tables)
    {
        var indexes = new List<(string, string)>();
        await using (var read = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes AS i
            WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            ORDER BY i.tablename, i.indexname
            """, connection))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = tables.ToArray() });
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }
        return new SecondaryIndexes(indexes);
    }

    /// <summary>Rebuilds the indexes, <paramref name="parallel"/> at a time (each on its own connection).</summary>
    public async Task CreateAsync(NpgsqlDataSource dataSource, int parallel)
    {
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand(index.Definition, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        });
    }
}
