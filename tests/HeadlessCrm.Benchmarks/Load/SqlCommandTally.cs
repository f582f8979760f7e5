using System.Globalization;

namespace HeadlessCrm.Benchmarks.Load;

/// <summary>
/// Adds up the host's <c>X-Sql-Commands</c> response header (Crm:Diagnostics:CountSql) over the requests a scenario
/// makes inside <see cref="CountAsync"/>: an update is a GET and a PATCH, and both count.
/// </summary>
public sealed class SqlCommandTally : DelegatingHandler
{
    private static readonly AsyncLocal<Tally?> Current = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (Current.Value is { } tally)
        {
            if (response.Headers.TryGetValues("X-Sql-Commands", out var values)
                && int.TryParse(values.First(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                tally.Commands += count;
            else tally.Missing = true;
        }
        return response;
    }

    /// <summary>The commands the host ran for <paramref name="requests"/>, or null when it does not report them.</summary>
    public static async Task<int?> CountAsync(Func<Task> requests)
    {
        var tally = new Tally();
        Current.Value = tally;
        try
        {
            await requests();
        }
        finally
        {
            Current.Value = null;
        }
        return tally.Missing ? null : tally.Commands;
    }

    private sealed class Tally
    {
        public int Commands;
        public bool Missing;
    }
}
