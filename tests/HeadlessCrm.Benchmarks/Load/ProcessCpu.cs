using System.Globalization;

namespace HeadlessCrm.Benchmarks.Load;

/// <summary>
/// CPU time spent by processes, as Linux accounts it (/proc/&lt;pid&gt;/stat: user + system, in clock ticks). CPU per
/// request is steadier than latency on a shared machine: other work delays a request but does not add to its CPU.
/// </summary>
public sealed class ProcessCpu(Func<IEnumerable<int>> pids, string label, int? reaper = null)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux that runs .NET

    public string Label => label;

    /// <summary>One process: the host unless named otherwise.</summary>
    public static ProcessCpu Of(int pid, string label = "host") => new(() => [pid], label);

    /// <summary>The harness itself: its HTTP client (or Npgsql, at the ceiling), the load driver and its timers.</summary>
    public static ProcessCpu Harness() => Of(Environment.ProcessId, "harness");

    /// <summary>
    /// The PostgreSQL server listening on <paramref name="port"/>: its postmaster, every child process (the backends
    /// serving the host and the harness, and the background workers) and the children it has reaped (the postmaster's
    /// cutime and cstime). A backend that ends during a phase (a pool pruning an idle connection) moves from the first
    /// to the last when the postmaster reaps it, and until then stays a zombie whose times /proc still shows: counted
    /// either way. Without the reaped ones such a backend's time left the total and the phase read negative.
    /// </summary>
    public static ProcessCpu? OfPostgres(int port) =>
        HostMemory.FindListener(port) is { } postmaster ? new(() => ChildrenOf(postmaster).Prepend(postmaster), "db", postmaster) : null;

    /// <summary>Total CPU time of the processes now, in milliseconds.</summary>
    public double Milliseconds() => (pids().Sum(Ticks) + (reaper is { } pid ? ReapedTicks(pid) : 0)) * 1000.0 / TicksPerSecond;

    // Fields after the command name: [0] state, [1] ppid, …, [11] utime, [12] stime, [13] cutime, [14] cstime.
    private static long Ticks(int pid) => Sum(Fields(pid), 11, 12);

    private static long ReapedTicks(int pid) => Sum(Fields(pid), 13, 14);

    private static long Sum(string[]? fields, int first, int second) => fields is null ? 0
        : long.Parse(fields[first], CultureInfo.InvariantCulture) + long.Parse(fields[second], CultureInfo.InvariantCulture);

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Fields(pid) is { } f && f[1] == parent.ToString(CultureInfo.InvariantCulture));

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may contain spaces: split after its closing one.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
