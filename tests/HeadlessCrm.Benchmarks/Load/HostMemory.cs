using System.Globalization;

namespace HeadlessCrm.Benchmarks.Load;

/// <summary>
/// The host's memory as Linux reports it (/proc/&lt;pid&gt;/status): VmRSS (resident now, the working set) sampled
/// during the run, and VmHWM (the peak resident size since the process started).
/// </summary>
public sealed class HostMemory(int pid) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _sampling;

    public int Pid => pid;
    public long PeakRssKb { get; private set; }
    public long HighWaterMarkKb => Read("VmHWM:");

    public void Start() => _sampling = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            PeakRssKb = Math.Max(PeakRssKb, Read("VmRSS:"));
            try { await Task.Delay(200, _stop.Token); } catch (OperationCanceledException) { }
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_sampling is not null) await _sampling;
    }

    private long Read(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The process listening on the TCP port (Linux: /proc/net/tcp* gives the socket, /proc/*/fd its owner).</summary>
    public static int? FindListener(int port)
    {
        var inodes = new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists)
            .SelectMany(File.ReadLines).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; field 9 is the inode.
            .Where(f => f.Length > 9 && f[3] == "0A" && int.Parse(f[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
            .Select(f => $"socket:[{f[9]}]")
            .ToHashSet();
        if (inodes.Count == 0) return null;
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid)) continue;
            try
            {
                foreach (var fd in Directory.EnumerateFiles(Path.Combine(process, "fd")))
                    if (new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)) return pid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return null;
    }
}
