namespace HeadlessCrm.Benchmarks.Load;

/// <summary>How to drive the host: where it is, who to be, how hard and how long.</summary>
public sealed record RunOptions(
    string Connection,
    IReadOnlyList<Uri> Urls,
    string ClientId,
    string ClientSecret,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan HostWarmup,
    int Concurrency,
    int Rate,
    IReadOnlySet<string>? Scenarios,
    int? HostPid,
    int? FloorPort)
{
    public static RunOptions From(Options options)
    {
        var run = new RunOptions(
            options.Required("connection"),
            options.String("url", "http://127.0.0.1:5080").Split(',').Select(u => new Uri(u.TrimEnd('/') + "/")).ToList(),
            options.String("client-id", "bench-client"),
            options.String("client-secret", "bench-secret"),
            TimeSpan.FromSeconds(options.Number("duration", 10)),
            TimeSpan.FromSeconds(options.Number("warmup", 2)),
            TimeSpan.FromSeconds(options.Number("host-warmup", 15)),
            Math.Max(1, options.Integer("concurrency", 16)),
            Math.Max(1, options.Integer("rate", 500)),
            options.String("scenarios")?.Split(',').ToHashSet(StringComparer.OrdinalIgnoreCase),
            options.String("host-pid") is { } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null,
            options.String("floor") is { } floor ? int.Parse(floor, System.Globalization.CultureInfo.InvariantCulture) : null);
        options.RejectUnknown();
        return run;
    }
}
