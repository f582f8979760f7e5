using System.Diagnostics;
using HeadlessCrm.Benchmarks.Load.Scenarios;

namespace HeadlessCrm.Benchmarks.Load;

/// <summary>
/// Runs an operation under load. Closed loop: a fixed number of workers, each starting its next operation when the
/// previous one ends (measures capacity). Open loop: operations start on a fixed schedule whatever happens, and each
/// latency is measured from the time it was due to start, so a stalled server is charged for the requests it held
/// up (no coordinated omission).
/// </summary>
public static class LoadDriver
{
    public delegate Task Operation(long iteration, CancellationToken ct);

    private static long _iterations;

    /// <summary>
    /// After the warm-up, the measured phase; <paramref name="cpu"/> (host, database) are read around it, so the report
    /// carries their CPU time per completed operation.
    /// </summary>
    public static async Task<LatencyReport> ClosedLoopAsync(
        Operation operation, int concurrency, TimeSpan warmup, TimeSpan duration, IReadOnlyList<ProcessCpu>? cpu = null)
    {
        if (warmup > TimeSpan.Zero) await ClosedLoopPhaseAsync(operation, concurrency, warmup, new LatencyRecorder());
        var recorder = new LatencyRecorder();
        var before = cpu?.Select(c => c.Milliseconds()).ToList();
        var elapsed = await ClosedLoopPhaseAsync(operation, concurrency, duration, recorder);
        var report = recorder.Report(elapsed);
        if (cpu is null || before is null || report.Completed == 0) return report;
        return report with
        {
            CpuMsPerOperation = cpu.Select((c, i) => (c.Label, (c.Milliseconds() - before[i]) / report.Completed)).ToDictionary(),
        };
    }

    private static async Task<TimeSpan> ClosedLoopPhaseAsync(Operation operation, int concurrency, TimeSpan duration, LatencyRecorder recorder)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                if (await TryAsync(operation, recorder)) recorder.Success(Stopwatch.GetTimestamp() - start);
            }
        })));
        return watch.Elapsed;
    }

    public static async Task<LatencyReport> OpenLoopAsync(Operation operation, int rate, TimeSpan duration, int maxInFlight)
    {
        var recorder = new LatencyRecorder();
        var gate = new SemaphoreSlim(maxInFlight);
        var interval = (double)Stopwatch.Frequency / rate;
        var total = (long)(duration.TotalSeconds * rate);
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>((int)Math.Min(total, 1_000_000));
        for (long i = 0; i < total; i++)
        {
            var due = started + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            // Sleep, never spin: the harness shares the cores with the host. Requests due meanwhile go out together,
            // and their latency still counts from when they were due.
            if (wait > TimeSpan.Zero) await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait);
            inFlight.Add(FireAsync(operation, recorder, gate, due));
        }
        await Task.WhenAll(inFlight);
        // Achieved throughput: over the time until the last answer, so a server that falls behind shows it.
        return recorder.Report(Stopwatch.GetElapsedTime(started));
    }

    private static async Task FireAsync(Operation operation, LatencyRecorder recorder, SemaphoreSlim gate, long due)
    {
        await gate.WaitAsync();
        try
        {
            if (await TryAsync(operation, recorder)) recorder.Success(Stopwatch.GetTimestamp() - due);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<bool> TryAsync(Operation operation, LatencyRecorder recorder)
    {
        try
        {
            await operation(Interlocked.Increment(ref _iterations), CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or ScenarioException or Npgsql.NpgsqlException or TaskCanceledException)
        {
            recorder.Failure(e.Message);
            return false;
        }
    }
}
