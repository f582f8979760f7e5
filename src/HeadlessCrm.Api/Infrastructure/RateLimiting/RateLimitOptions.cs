namespace HeadlessCrm.Api.Infrastructure.RateLimiting;

/// <summary>Per caller: a bucket of <see cref="Requests"/> that refills evenly over <see cref="Window"/> (configuration <c>Crm:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Crm:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>The burst a caller may send at once, and the requests per window at a steady pace.</summary>
    public int Requests { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Tokens a host takes from a shared bucket of <paramref name="requests"/> at a time, so that it asks the database once per so many requests.
    /// Unspent leases expire after a second; at most hosts × lease requests can slip past a limit.
    /// </summary>
    public static int LeaseFor(int requests) => Math.Max(1, requests / 50);
}
