using System.Diagnostics;

namespace HeadlessCrm.Benchmarks.MultiHost;

/// <summary>
/// One host started as its own process (<c>dotnet HeadlessCrm.Api.dll</c>, or the harness's own floor server), its
/// output kept in a log file.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, Uri url, string logPath)
    {
        _process = process;
        _log = log;
        Url = url;
        LogPath = logPath;
    }

    public Uri Url { get; }
    public string LogPath { get; }
    public int Pid => _process.Id;

    public static HostProcess Start(string apiDll, int port, IReadOnlyDictionary<string, string> settings, IEnumerable<string>? arguments = null)
    {
        var url = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [apiDll, .. arguments ?? []])
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var logPath = Path.Combine(Path.GetTempPath(), $"headlesscrm-host-{port}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, log, url, logPath);
    }

    /// <summary>Waits for /health/ready to answer 200.</summary>
    public async Task<bool> WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
