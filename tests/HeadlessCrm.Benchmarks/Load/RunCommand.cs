using System.Globalization;
using HeadlessCrm.Api.Infrastructure.Hosting;
using HeadlessCrm.Benchmarks.Load.Floor;
using HeadlessCrm.Benchmarks.Load.Scenarios;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Load;

/// <summary>
/// <c>run</c>: for each scenario, the statement count of one request, then closed-loop throughput and latency over
/// HTTP, the same at the SQL ceiling, and an open-loop run at the offered rate; the host's memory throughout.
/// </summary>
public static class RunCommand
{
    public const int MaxInFlight = 256;

    public static async Task<int> RunAsync(RunOptions options)
    {
        await using var owner = NpgsqlDataSource.Create(options.Connection);
        var workspaceId = await WorkspaceOfAsync(owner, options.ClientId);
        if (workspaceId is null)
        {
            Console.Error.WriteLine($"error: no client '{options.ClientId}' in the database: run seed first.");
            return 1;
        }
        // The host's pool settings (automatic preparation among them: without it a connection's reset discards the
        // plans its triggers' functions cached, and the ceiling re-plans them on every transaction).
        var application = new NpgsqlConnectionStringBuilder(ConnectionPoolDefaults.Apply(DatabaseRoles.From(options.Connection, null).Application))
        {
            MaxPoolSize = Math.Max(options.Concurrency, 20),
        };
        await using var app = NpgsqlDataSource.Create(application.ConnectionString);

        var tokens = new TokenSource(options.Urls[0], options.ClientId, options.ClientSecret);
        HttpMessageHandler Client(HttpMessageHandler inner) => new SqlCommandTally { InnerHandler = new BearerHandler(tokens) { InnerHandler = inner } };
        using var http = RoundRobinHandler.Client(options.Urls, Math.Max(options.Concurrency, MaxInFlight), Client);

        var pid = options.HostPid ?? (options.Urls.Count == 1 ? HostMemory.FindListener(options.Urls[0].Port) : null);
        await using var memory = pid is { } p ? new HostMemory(p) : null;
        memory?.Start();
        var databasePort = new NpgsqlConnectionStringBuilder(options.Connection).Port;
        var harness = ProcessCpu.Harness();
        var cpu = new[] { pid is { } hostPid ? ProcessCpu.Of(hostPid) : null, ProcessCpu.OfPostgres(databasePort), harness }.OfType<ProcessCpu>().ToList();
        Console.WriteLine(cpu.Count == 3 ? "CPU per request: host, database and harness measured"
            : $"CPU per request: only {string.Join(", ", cpu.Select(c => c.Label).DefaultIfEmpty("nothing"))} measured (the database is not a local process listening on {databasePort}?)");

        Console.WriteLine($"hosts {string.Join(", ", options.Urls)} · workspace {workspaceId} · {options.Duration.TotalSeconds:0} s per phase " +
                          $"(warm-up {options.Warmup.TotalSeconds:0} s) · closed loop {options.Concurrency} workers · open loop {options.Rate} req/s · " +
                          $"{Environment.ProcessorCount} cores");
        var context = new ScenarioContext(workspaceId.Value, owner, http);
        var scenarios = new List<IScenario>();
        foreach (var scenario in ScenarioCatalog.All().Where(s => Selected(options, s)))
        {
            if (await scenario.PrepareAsync(context) is { } skip) Console.WriteLine($"- {scenario.Name}: skipped ({skip})");
            else scenarios.Add(scenario);
        }
        await HostWarmup.RunAsync(scenarios, http, options);
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            var result = await MeasureAsync(scenario, http, app, options, cpu);
            results.Add(result);
            Console.WriteLine(result.Describe());
        }

        if (options.FloorPort is { } floorPort)
        {
            var get = ScenarioCatalog.All().OfType<GetContactById>().First();
            if (await get.PrepareAsync(context) is null
                && await HttpFloor.MeasureAsync(get, http, Client, options, floorPort, harness) is { } floor)
            {
                var ceiling = results.FirstOrDefault(r => r.Name == get.Name)?.Ceiling;
                Console.WriteLine(floor.Describe() + (ceiling is { Throughput: > 0 }
                    ? string.Create(CultureInfo.InvariantCulture, $"\n    → the floor is {floor.Closed.Throughput / ceiling.Throughput:P0} of that scenario's SQL ceiling")
                    : ""));
            }
        }

        Console.WriteLine();
        Console.WriteLine(ScenarioResult.MarkdownTable(results));
        if (memory is not null)
            Console.WriteLine($"\nhost pid {memory.Pid}: peak working set during the run {memory.PeakRssKb / 1024.0:F0} MB (VmRSS sampled every 200 ms), " +
                              $"VmHWM since start {memory.HighWaterMarkKb / 1024.0:F0} MB");
        else Console.WriteLine("\nhost memory: not measured (pass --host-pid)");
        return results.Any(r => r.Failed) ? 1 : 0;
    }

    private static async Task<ScenarioResult> MeasureAsync(
        IScenario scenario, HttpClient http, NpgsqlDataSource app, RunOptions options, IReadOnlyList<ProcessCpu> cpu)
    {
        // Counted on the second request: the first one of a token also looks its revocation up (then cached). Iterations
        // from the top of the range, which the load phases never reach (a create's Idempotency-Key is made of it).
        (await scenario.SendAsync(http, long.MaxValue - 1, CancellationToken.None)).Dispose();
        var statements = await SqlCommandTally.CountAsync(async () => (await scenario.SendAsync(http, long.MaxValue, CancellationToken.None)).Dispose());
        var byPageSize = new Dictionary<int, int?>();
        if (scenario is IPagedScenario paged)
            foreach (var limit in new[] { 10, 100 })
                byPageSize[limit] = await SqlCommandTally.CountAsync(async () => (await paged.SendPageAsync(http, limit, CancellationToken.None)).Dispose());
        LoadDriver.Operation overHttp = async (i, ct) => (await scenario.SendAsync(http, i, ct)).Dispose();
        var closed = await LoadDriver.ClosedLoopAsync(overHttp, options.Concurrency, options.Warmup, options.Duration, cpu);

        LatencyReport? ceiling = null;
        if (scenario.Ceiling is { } sql)
            ceiling = await LoadDriver.ClosedLoopAsync(async (i, ct) =>
            {
                await using var connection = await app.OpenConnectionAsync(ct);
                await sql(connection, i, ct);
            }, options.Concurrency, options.Warmup, options.Duration, cpu);

        var open = await LoadDriver.OpenLoopAsync(overHttp, options.Rate, options.Duration, MaxInFlight);
        return new ScenarioResult(scenario.Name, statements, byPageSize, closed, ceiling, open, options.Rate);
    }

    private static bool Selected(RunOptions options, IScenario scenario) =>
        options.Scenarios is null || options.Scenarios.Any(s => scenario.Name.Contains(s, StringComparison.OrdinalIgnoreCase));

    private static async Task<Guid?> WorkspaceOfAsync(NpgsqlDataSource owner, string clientId)
    {
        await using var command = owner.CreateCommand("SELECT workspace_id FROM oauth_clients WHERE client_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        return await command.ExecuteScalarAsync() as Guid?;
    }
}
