using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HeadlessCrm.Postgres;

/// <summary>
/// Runs the PostgreSQL tools. PostgreSQL refuses to run as root, so when this process is root the
/// tools run as the unprivileged <c>postgres</c> account (created by Debian's package) through runuser.
/// </summary>
internal static partial class CommandRunner
{
    public const string ServiceAccount = "postgres";

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    public static async Task<string> RunAsync(string file, IEnumerable<string> args, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", ServiceAccount, "--", file }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = file;
        }
        foreach (var a in args) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout) + (await stderr);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed (exit {process.ExitCode}): {output.Trim()}");
        return output;
    }

    /// <summary>Gives the service account the directory when we are root, so the server can write to it.</summary>
    public static async Task HandOverAsync(string directory, CancellationToken ct)
    {
        if (!IsRoot) return;
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{ServiceAccount}:", directory])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        await chown.WaitForExitAsync(ct);
        if (chown.ExitCode != 0)
            throw new InvalidOperationException(
                $"Could not give {directory} to the '{ServiceAccount}' account: {await chown.StandardError.ReadToEndAsync(ct)}");
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
