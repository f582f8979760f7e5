using System.Data.Common;
using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.Hosting;

/// <summary>
/// The request pool's bounds when the connection string does not set them. Npgsql's own defaults (100 connections, a
/// 15 s wait) let one overloaded host open as many connections as PostgreSQL's default <c>max_connections</c> allows
/// (then 53300 for everyone, other hosts included) and queue requests for minutes. With at most
/// <see cref="MaxPoolSize"/> connections per host, two or three hosts and their listening connections fit under 100;
/// a request that waits <see cref="TimeoutSeconds"/> for one answers 503 with Retry-After (DatabaseBusy) instead of
/// queuing. Both stay settable in the connection string (<c>Maximum Pool Size</c>, <c>Timeout</c>).
/// </summary>
public static class ConnectionPoolDefaults
{
    public const int MaxPoolSize = 30;
    public const int TimeoutSeconds = 5;

    public static string Apply(string connectionString)
    {
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains("maxpoolsize") && !named.Contains("maximumpoolsize")) builder.MaxPoolSize = MaxPoolSize;
        if (!named.Contains("timeout")) builder.Timeout = TimeoutSeconds;
        return builder.ConnectionString;
    }
}
