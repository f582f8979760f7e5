using System.Globalization;

namespace HeadlessCrm.Benchmarks.Import;

/// <summary>What the import benchmark sends: how many rows, from which seed, to which host, as which client.</summary>
public sealed record ImportOptions(Uri Url, string ClientId, string ClientSecret, int Rows, int Seed, string? MatchBy, bool DryRun, int? HostPid)
{
    public static ImportOptions From(Options options)
    {
        var parsed = new ImportOptions(
            new Uri(options.String("url", "http://127.0.0.1:5080").TrimEnd('/') + "/"),
            options.String("client-id", "bench-client"),
            options.String("client-secret", "bench-secret"),
            Math.Max(1, options.Integer("rows", 100_000)),
            options.Integer("seed", 42),
            options.String("match-by"),
            options.String("dry-run", "false") == "true",
            options.String("host-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
        options.RejectUnknown();
        return parsed;
    }
}
