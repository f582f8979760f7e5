using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace HeadlessCrm.Postgres;

/// <summary>
/// Applies hand-written SQL migrations, embedded as resources named <c>Migrations.V0001__what.sql</c>,
/// in version order, each in its own transaction. A session advisory lock makes hosts that start at the
/// same time take turns: the first applies, the others find nothing left to do.
/// </summary>
public static class SqlMigrator
{
    private const long LockKey = 0x48434D_4D494752; // "HCM MIGR"
    private const string Prefix = "Migrations.";

    public sealed record Migration(int Version, string Name, string Sql)
    {
        public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }

    public static IReadOnlyList<Migration> Load(Assembly assembly) => assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n =>
        {
            var file = n[Prefix.Length..^".sql".Length];
            var separator = file.IndexOf("__", StringComparison.Ordinal);
            if (file[0] != 'V' || separator < 2 || !int.TryParse(file[1..separator], out var version))
                throw new InvalidOperationException($"Migration resource {n} must be named V<number>__<name>.sql.");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
            return new Migration(version, file[(separator + 2)..], reader.ReadToEnd());
        })
        .OrderBy(m => m.Version)
        .ToList();

    /// <returns>The versions applied by this call.</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", ct, LockKey);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = await AppliedAsync(connection, ct);
            var done = new List<int>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration V{migration.Version} ({migration.Name}) was changed after it was applied; add a new migration instead.");
                    continue;
                }
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, migration.Sql, ct);
                await ExecuteAsync(connection, "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                    ct, migration.Version, migration.Name, migration.Checksum);
                await tx.CommitAsync(ct);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey);
        }
    }

    /// <summary>True when every migration is applied: what readiness means.</summary>
    public static async Task<bool> IsCurrentAsync(NpgsqlConnection connection, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
        var latest = (int)(await command.ExecuteScalarAsync(ct))!;
        return migrations.Count == 0 || latest >= migrations[^1].Version;
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct)) applied[reader.GetInt32(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] args)
    {
        // No command timeout: building an index over a large table takes as long as it takes (minutes over millions
        // of rows), and waiting for the migration lock means another host is migrating.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = arg });
        await command.ExecuteNonQueryAsync(ct);
    }
}
