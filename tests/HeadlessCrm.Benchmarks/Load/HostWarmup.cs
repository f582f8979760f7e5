using HeadlessCrm.Benchmarks.Load.Scenarios;

namespace HeadlessCrm.Benchmarks.Load;

/// <summary>
/// Before anything is measured, each selected scenario's requests alone, in a closed loop, for <c>--host-warmup</c>
/// seconds. A host's first minute is not its steady state: .NET's tiered compilation recompiles hot methods
/// (instrumented first, then optimised with the profile gathered) on a background thread, and until that is done a GET
/// costs the host two to three times the CPU it costs later (docs/performance.md, "A host's first minute"). One
/// scenario at a time, because the runtime holds back promotions while new methods keep being compiled, which a mix
/// of every endpoint keeps doing for longer. Answers are not reported, only how many were sent.
/// </summary>
public static class HostWarmup
{
    public static async Task RunAsync(IReadOnlyList<IScenario> scenarios, HttpClient http, RunOptions options)
    {
        if (options.HostWarmup <= TimeSpan.Zero) return;
        foreach (var scenario in scenarios)
        {
            var sent = 0L;
            LoadDriver.Operation operation = async (i, ct) =>
            {
                Interlocked.Increment(ref sent);
                (await scenario.SendAsync(http, i, ct)).Dispose();
            };
            await LoadDriver.ClosedLoopAsync(operation, options.Concurrency, TimeSpan.Zero, options.HostWarmup);
            Console.WriteLine($"host warm-up: {scenario.Name}, {sent} requests in {options.HostWarmup.TotalSeconds:0} s");
        }
    }
}
