using System.Diagnostics;

namespace HeadlessCrm.Benchmarks.Load;

/// <summary>What one measured phase produced: completed operations, their latencies, and the failures.</summary>
public sealed class LatencyRecorder
{
    private readonly List<long> _ticks = new(100_000);
    private readonly Lock _lock = new();
    private int _errors;
    private string? _firstError;

    public void Success(long elapsedTicks)
    {
        lock (_lock) _ticks.Add(elapsedTicks);
    }

    public void Failure(string reason)
    {
        Interlocked.Increment(ref _errors);
        Interlocked.CompareExchange(ref _firstError, reason, null);
    }

    public LatencyReport Report(TimeSpan elapsed)
    {
        long[] sorted;
        lock (_lock) sorted = [.. _ticks];
        Array.Sort(sorted);
        double Ms(double quantile) => sorted.Length == 0
            ? double.NaN
            : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LatencyReport(sorted.Length, _errors, _firstError, sorted.Length / elapsed.TotalSeconds, Ms(0.50), Ms(0.95), Ms(0.99), Ms(1.0));
    }
}

public sealed record LatencyReport(int Completed, int Errors, string? FirstError, double Throughput, double P50, double P95, double P99, double Max)
{
    /// <summary>CPU milliseconds per completed operation, by process ("host", "db", "harness"), when measured.</summary>
    public IReadOnlyDictionary<string, double>? CpuMsPerOperation { get; init; }
}
