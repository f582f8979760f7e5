using HeadlessCrm.Benchmarks.Load.Scenarios;
using HeadlessCrm.Benchmarks.MultiHost;

namespace HeadlessCrm.Benchmarks.Load.Floor;

/// <summary>
/// The HTTP floor: the same client requests as a scenario, at the same concurrency and rate, sent to a minimal Kestrel
/// server in a process of its own (<see cref="FloorServer"/>) that answers every GET with the body the real host gave
/// for the scenario's first request. What that server and the harness spend per request is what HTTP alone costs on
/// this machine; what is left of the cores bounds the share of the SQL ceiling any ASP.NET Core host can reach here.
/// </summary>
public static class HttpFloor
{
    /// <param name="client">the handlers the real host's client has (token, SQL count), around the given one</param>
    public static async Task<ScenarioResult?> MeasureAsync(
        IScenario scenario, HttpClient realHost, Func<HttpMessageHandler, HttpMessageHandler> client, RunOptions options, int port, ProcessCpu harness)
    {
        using var sample = await scenario.SendAsync(realHost, 0, CancellationToken.None);
        var body = await sample.Content.ReadAsByteArrayAsync();
        var bodyPath = Path.Combine(Path.GetTempPath(), $"headlesscrm-floor-{port}.json");
        await File.WriteAllBytesAsync(bodyPath, body);

        await using var server = HostProcess.Start(typeof(HttpFloor).Assembly.Location, port, new Dictionary<string, string>
            {
                // As the real host runs (its runtimeconfig): server GC, thread-pool workers that sleep without spinning.
                ["DOTNET_gcServer"] = "1",
                ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
            },
            ["floor-server", "--body", bodyPath, "--content-type", sample.Content.Headers.ContentType?.ToString() ?? "application/json"]);
        if (!await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(30)))
        {
            Console.WriteLine($"- HTTP floor: the floor server did not start (see {server.LogPath})");
            return null;
        }

        using var http = RoundRobinHandler.Client([server.Url], Math.Max(options.Concurrency, RunCommand.MaxInFlight), client);
        LoadDriver.Operation operation = async (i, ct) => (await scenario.SendAsync(http, i, ct)).Dispose();
        var closed = await LoadDriver.ClosedLoopAsync(operation, options.Concurrency, options.Warmup, options.Duration,
            [ProcessCpu.Of(server.Pid, "server"), harness]);
        var open = await LoadDriver.OpenLoopAsync(operation, options.Rate, options.Duration, RunCommand.MaxInFlight);
        return new ScenarioResult($"HTTP floor of {scenario.Name} (a minimal Kestrel server, the same {body.Length}-byte body)",
            null, new Dictionary<int, int?>(), closed, null, open, options.Rate);
    }
}
