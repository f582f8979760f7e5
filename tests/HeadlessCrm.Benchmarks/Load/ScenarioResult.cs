using System.Globalization;
using System.Text;

namespace HeadlessCrm.Benchmarks.Load;

public sealed record ScenarioResult(
    string Name, int? SqlCommands, IReadOnlyDictionary<int, int?> SqlCommandsByPageSize, LatencyReport Closed, LatencyReport? Ceiling, LatencyReport Open, int OfferedRate)
{
    public bool Failed => Closed.Errors > 0 || Open.Errors > 0 || Ceiling?.Errors > 0;

    public double? CeilingRatio => Ceiling is { Throughput: > 0 } c ? Closed.Throughput / c.Throughput : null;

    public string Describe()
    {
        var text = new StringBuilder($"- {Name}: SQL commands per request {SqlCommands?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}");
        foreach (var (limit, count) in SqlCommandsByPageSize)
            text.Append(CultureInfo.InvariantCulture, $", at limit={limit} {count?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}");
        text.Append(CultureInfo.InvariantCulture, $"\n    closed loop  {Line(Closed)}");
        if (Ceiling is not null) text.Append(CultureInfo.InvariantCulture, $"\n    SQL ceiling  {Line(Ceiling)}  → HTTP is {CeilingRatio:P0} of it");
        text.Append(CultureInfo.InvariantCulture, $"\n    CPU ms/req   {Cpu(Closed)} over HTTP; {(Ceiling is null ? "–" : Cpu(Ceiling))} at the ceiling");
        text.Append(CultureInfo.InvariantCulture, $"\n    open loop    {Line(Open)} (offered {OfferedRate} req/s)");
        foreach (var failure in new[] { Closed, Ceiling, Open }.Where(r => r?.FirstError is not null))
            text.Append(CultureInfo.InvariantCulture, $"\n    first error: {failure!.FirstError}");
        return text.ToString();
    }

    private static string Line(LatencyReport r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Throughput,8:F0} req/s  p50 {r.P50,7:F2} ms  p95 {r.P95,7:F2} ms  p99 {r.P99,7:F2} ms  max {r.Max,7:F1} ms  errors {r.Errors}");

    public static string MarkdownTable(IEnumerable<ScenarioResult> results)
    {
        var table = new StringBuilder("""
            | Scenario | SQL cmds/req | Closed req/s | p50 / p95 / p99 ms | SQL ceiling req/s | HTTP / ceiling | CPU ms/req: host, db, harness (ceiling: db) | Open loop: achieved req/s | p50 / p95 / p99 ms | Errors |
            |---|---:|---:|---|---:|---:|---|---:|---|---:|

            """);
        foreach (var r in results)
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.SqlCommands?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {r.Closed.Throughput:F0} | {Percentiles(r.Closed)} | " +
                $"{(r.Ceiling is null ? "–" : r.Ceiling.Throughput.ToString("F0", CultureInfo.InvariantCulture))} | " +
                $"{(r.CeilingRatio is { } ratio ? ratio.ToString("P0", CultureInfo.InvariantCulture) : "–")} | " +
                $"{Cpu(r.Closed)} ({(r.Ceiling is null ? "–" : Cpu(r.Ceiling, "db"))}) | " +
                $"{r.Open.Throughput:F0} of {r.OfferedRate} | {Percentiles(r.Open)} | {r.Closed.Errors + r.Open.Errors + (r.Ceiling?.Errors ?? 0)} |");
        return table.ToString();
    }

    /// <summary>"host 1.20, db 0.45": the CPU milliseconds each measured process spent per request.</summary>
    private static string Cpu(LatencyReport r, string? only = null) => r.CpuMsPerOperation is not { Count: > 0 } cpu
        ? "n/a"
        : string.Join(", ", cpu.Where(c => only is null || c.Key == only).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:F2}")));

    private static string Percentiles(LatencyReport r) => string.Create(CultureInfo.InvariantCulture, $"{r.P50:F1} / {r.P95:F1} / {r.P99:F1}");
}
