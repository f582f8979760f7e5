using System.Diagnostics;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// Streams generated rows into PostgreSQL with binary COPY. Each table is cut into ranges of items; ranges load on
/// parallel connections. With foreign-key triggers off (session_replication_role = replica, which needs a superuser)
/// tables load in any order; otherwise in dependency order, one after another.
/// </summary>
public sealed class BulkLoader(NpgsqlDataSource dataSource, bool triggersOff, int parallel)
{
    public async Task LoadAsync(IReadOnlyList<RowSource> sources)
    {
        if (triggersOff)
        {
            var ranges = sources.SelectMany(Split).OrderByDescending(r => r.End - r.Start).ToList();
            await Parallel.ForEachAsync(ranges, new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (range, _) => await CopyAsync(range.Source, range.Start, range.End));
            return;
        }
        foreach (var source in sources)
            await Parallel.ForEachAsync(Split(source), new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (range, _) => await CopyAsync(range.Source, range.Start, range.End));
    }

    private IEnumerable<(RowSource Source, long Start, long End)> Split(RowSource source)
    {
        const long RangeSize = 500_000;
        for (var start = 0L; start < source.Items; start += RangeSize)
            yield return (source, start, Math.Min(source.Items, start + RangeSize));
    }

    private async Task CopyAsync(RowSource source, long start, long end)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        if (triggersOff)
        {
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync();
        }
        var table = source.Target.Split(' ', 2)[0];
        // The generator runs on this thread while the server parses: synchronous writes avoid a task per value.
        await Task.Run(() =>
        {
            using var copy = connection.BeginBinaryImport($"COPY {source.Target} FROM STDIN (FORMAT BINARY)");
            for (var index = start; index < end; index++) source.Write(copy, index);
            var rows = copy.Complete();
            Console.WriteLine($"  {table,-20} items {start,9:N0}–{end,9:N0}: {rows,10:N0} rows in {watch.Elapsed.TotalSeconds,6:F1} s");
        });
    }
}
