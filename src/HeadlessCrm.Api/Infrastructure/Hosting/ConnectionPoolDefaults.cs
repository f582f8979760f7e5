using System.Data.Common;
using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.Hosting;

/// <summary>
/// The request pool's settings when the connection string does not set them (each stays settable there).
/// <para>
/// Bounds: Npgsql's own defaults (100 connections, a 15 s wait) let one overloaded host open as many connections as
/// PostgreSQL's default <c>max_connections</c> allows (then 53300 for everyone, other hosts included) and queue
/// requests for minutes. With at most <see cref="MaxPoolSize"/> connections per host, two or three hosts and their
/// listening connections fit under 100; a request that waits <see cref="TimeoutSeconds"/> for one answers 503 with
/// Retry-After (DatabaseBusy) instead of queuing (<c>Maximum Pool Size</c>, <c>Timeout</c>).
/// </para>
/// <para>
/// Automatic preparation: a statement text a connection has sent <see cref="AutoPrepareMinUsages"/> times is prepared
/// on it (up to <see cref="MaxAutoPrepare"/> per connection), so PostgreSQL stops parsing and planning it on every
/// call — the larger part of the database's CPU for the GraphQL relations' lateral joins (docs/performance.md). EF
/// sends parameters (lists as one array), so a statement's text does not vary with its values. Safe with the
/// workspace setting: returning a connection with prepared statements to the pool still resets the session
/// (<c>SET SESSION AUTHORIZATION DEFAULT; RESET ALL; …</c>, which clears <c>app.workspace_id</c>) — only the prepared
/// statements survive, and they carry no workspace: the row-level-security policies read the setting when they run.
/// (<c>Max Auto Prepare=0</c> turns it off.)
/// </para>
/// </summary>
public static class ConnectionPoolDefaults
{
    public const int MaxPoolSize = 30;
    public const int TimeoutSeconds = 5;
    public const int MaxAutoPrepare = 64;
    public const int AutoPrepareMinUsages = 2;

    public static string Apply(string connectionString)
    {
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains("maxpoolsize") && !named.Contains("maximumpoolsize")) builder.MaxPoolSize = MaxPoolSize;
        if (!named.Contains("timeout")) builder.Timeout = TimeoutSeconds;
        if (!named.Contains("maxautoprepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!named.Contains("autoprepareminusages")) builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        return builder.ConnectionString;
    }
}
