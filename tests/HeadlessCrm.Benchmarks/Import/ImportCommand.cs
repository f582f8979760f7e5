using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HeadlessCrm.Benchmarks.Load;

namespace HeadlessCrm.Benchmarks.Import;

/// <summary>
/// Imports a generated contacts CSV through a running host end to end — create the job, stream the file up, poll until
/// done — and reports the upload time, the processing time, rows per second and the host's memory (peak resident set
/// sampled every 200 ms through the run, and the kernel's high-water mark).
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(ImportOptions options)
    {
        var (token, _) = await TokenSource.RequestTokenAsync(options.Url, options.ClientId, options.ClientSecret, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var pid = options.HostPid ?? HostMemory.FindListener(options.Url.Port);
        await using var memory = pid is { } p ? new HostMemory(p) : null;
        var rssBefore = memory is null ? 0 : ReadRss(memory.Pid);
        memory?.Start();
        var cpuBefore = memory is null ? 0 : ProcessCpu.Of(memory.Pid).Milliseconds() / 1000;

        var job = new Dictionary<string, object?> { ["object"] = "contacts", ["columns"] = ContactCsv.Columns, ["dryRun"] = options.DryRun };
        if (options.MatchBy is not null) job["matchBy"] = options.MatchBy;
        using var created = await http.PostAsJsonAsync("api/v1/imports", job);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        if (!created.IsSuccessStatusCode) return Fail($"creating the import: {(int)created.StatusCode} {body}");
        var id = body.GetProperty("id").GetString()!;

        var clock = Stopwatch.StartNew();
        using var content = new ContactCsv(options.Rows, options.Seed);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var uploaded = await http.PutAsync($"api/v1/imports/{id}/file", content);
        if (!uploaded.IsSuccessStatusCode) return Fail($"uploading: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");
        var upload = clock.Elapsed;

        JsonElement state;
        while (true)
        {
            state = await http.GetFromJsonAsync<JsonElement>($"api/v1/imports/{id}");
            if (state.GetProperty("status").GetString() is "done" or "failed" or "cancelled") break;
            await Task.Delay(250);
        }
        var total = clock.Elapsed;
        var seconds = total.TotalSeconds;

        Console.WriteLine($"import {options.Rows} contacts (seed {options.Seed}, matchBy {options.MatchBy ?? "none"}, dryRun {options.DryRun}): {state.GetProperty("status").GetString()}");
        Console.WriteLine($"  rows total/done/created/updated/failed: {state.GetProperty("rowsTotal")}/{state.GetProperty("rowsDone")}/" +
                          $"{state.GetProperty("created")}/{state.GetProperty("updated")}/{state.GetProperty("failed")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  upload (stream + stage): {upload.TotalSeconds:F1} s; processing: {(total - upload).TotalSeconds:F1} s; end to end: {seconds:F1} s ({options.Rows / seconds:F0} rows/s)"));
        if (memory is not null)
        {
            await memory.DisposeAsync();
            var cpu = ProcessCpu.Of(memory.Pid).Milliseconds() / 1000 - cpuBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  host CPU time during the import: {cpu:F1} s ({cpu * 1000 / options.Rows:F2} ms a row; load-independent, unlike the wall time)"));
            Console.WriteLine($"  host {memory.Pid}: RSS before {rssBefore / 1024} MiB, peak RSS during the import {memory.PeakRssKb / 1024} MiB, VmHWM {memory.HighWaterMarkKb / 1024} MiB");
        }
        Console.WriteLine($"  load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return state.GetProperty("status").GetString() == "done" ? 0 : 1;
    }

    private static long ReadRss(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
