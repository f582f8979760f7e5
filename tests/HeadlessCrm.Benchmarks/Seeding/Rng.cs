namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// SplitMix64, started from (seed, stream, row): every row draws its own reproducible numbers, so any row of any
/// table can be regenerated on its own (a deal finds its company's name without keeping companies in memory).
/// </summary>
public struct Rng(int seed, ulong stream, long row)
{
    private ulong _state = Mix((ulong)seed * 0x9E3779B97F4A7C15UL ^ stream * 0xBF58476D1CE4E5B9UL ^ (ulong)row * 0x94D049BB133111EBUL);

    public ulong NextUInt64() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>In [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>In [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextDouble() * (max - min));

    public long NextLong(long min, long max) => min + (long)(NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
