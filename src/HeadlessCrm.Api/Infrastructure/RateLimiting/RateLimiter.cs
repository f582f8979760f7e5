using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.RateLimiting;

/// <summary>
/// Token buckets kept in PostgreSQL so that every host draws from the same one per caller. A host takes a small lease
/// of tokens at a time and spends it locally; the database is asked once per lease, not once per request.
/// </summary>
public sealed class RateLimiter(NpgsqlDataSource database, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<(Guid Workspace, string Subject), Lease> _leases = new();

    public RateLimitOptions Options => options.Value;

    public sealed record Decision(bool Allowed, int Remaining, TimeSpan Reset);

    private sealed class Lease
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Tokens;
        public DateTime ExpiresAt;
        public double SharedRemaining;
    }

    /// <summary>A token from the caller's bucket, sized by <c>Crm:RateLimits</c>.</summary>
    public Task<Decision> AcquireAsync(Guid workspace, string subject, CancellationToken ct) =>
        AcquireAsync(workspace, subject, Options.Requests, Options.Window, ct);

    /// <summary>A token from a bucket of <paramref name="requests"/> per <paramref name="window"/> (e.g. a web form's key).</summary>
    public async Task<Decision> AcquireAsync(Guid workspace, string subject, int requests, TimeSpan window, CancellationToken ct)
    {
        var perSecond = requests / window.TotalSeconds;
        var lease = _leases.GetOrAdd((workspace, subject), _ => new Lease());
        await lease.Gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (lease.Tokens == 0 || lease.ExpiresAt <= now)
            {
                var (granted, remaining) = await TakeAsync(workspace, subject, requests, perSecond, now, ct);
                lease.Tokens = granted;
                lease.SharedRemaining = remaining;
                lease.ExpiresAt = now + LeaseLifetime;
            }
            var allowed = lease.Tokens > 0;
            if (allowed) lease.Tokens--;
            var left = lease.SharedRemaining + lease.Tokens;
            var reset = TimeSpan.FromSeconds(Math.Ceiling((requests - left) / perSecond));
            var retry = allowed ? reset : TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((1 - lease.SharedRemaining) / perSecond)));
            return new Decision(allowed, (int)Math.Floor(left), retry);
        }
        finally
        {
            lease.Gate.Release();
        }
    }

    private Task<(int Granted, double Remaining)> TakeAsync(
        Guid workspace, string subject, int requests, double perSecond, DateTime now, CancellationToken ct) =>
        TakeFromBucketAsync(new Bucket(workspace, subject, requests, perSecond), RateLimitOptions.LeaseFor(requests), now, ct);

    /// <summary>A shared token bucket of the workspace: its capacity, and how fast it refills.</summary>
    public sealed record Bucket(Guid Workspace, string Subject, double Capacity, double PerSecond);

    /// <summary>Refills the bucket for the time gone by and takes up to <paramref name="want"/> tokens (0 only looks).</summary>
    public async Task<(int Granted, double Remaining)> TakeFromBucketAsync(Bucket bucket, int want, DateTime now, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"SET app.workspace_id = '{bucket.Workspace:D}'; SELECT granted, remaining FROM crm_take_tokens(@subject, @capacity, @rate, @want, @now)");
        command.Parameters.AddWithValue("subject", bucket.Subject);
        command.Parameters.AddWithValue("capacity", bucket.Capacity);
        command.Parameters.AddWithValue("rate", bucket.PerSecond);
        command.Parameters.AddWithValue("want", want);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetDouble(1));
    }
}
