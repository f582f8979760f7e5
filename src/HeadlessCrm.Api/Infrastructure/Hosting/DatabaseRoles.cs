using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.Hosting;

/// <summary>
/// The two ways the host connects. <see cref="Owner"/> (<c>ConnectionStrings:Crm</c>) owns the schema and runs the
/// migrations. <see cref="Application"/> serves requests as <c>crm_app</c>, which row-level security binds: either
/// <c>ConnectionStrings:CrmApp</c>, or derived from the owner's — the password is an HMAC of the owner's password, so
/// every host of a deployment arrives at the same one and can (re)set it at start without coordinating.
/// </summary>
public sealed record DatabaseRoles(string Owner, string Application, string? ApplicationPasswordToSet)
{
    public const string ApplicationRole = "crm_app";

    public static DatabaseRoles From(string owner, string? configuredApplication)
    {
        if (!string.IsNullOrWhiteSpace(configuredApplication)) return new DatabaseRoles(owner, configuredApplication, null);

        var builder = new NpgsqlConnectionStringBuilder(owner);
        if (string.IsNullOrEmpty(builder.Password))
            throw new InvalidOperationException(
                $"ConnectionStrings:Crm has no password to derive the {ApplicationRole} role's from; set ConnectionStrings__CrmApp to a connection as {ApplicationRole}.");
        var password = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(builder.Password), Encoding.UTF8.GetBytes("headlesscrm/crm_app")));
        builder.Username = ApplicationRole;
        builder.Password = password;
        return new DatabaseRoles(owner, builder.ConnectionString, password);
    }

    private const long LoginLockKey = 0x48434D_4C4F47; // "HCM LOG"

    /// <summary>
    /// Lets crm_app log in with the derived password (the migration created it without login) unless it already can.
    /// Hosts starting together take turns: PostgreSQL refuses concurrent changes of one role.
    /// </summary>
    public async Task EnableApplicationLoginAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (ApplicationPasswordToSet is null || await ApplicationCanLogInAsync(ct)) return;
            try
            {
                await SetApplicationPasswordAsync(ct);
                return;
            }
            // The role is shared by every database of the cluster, and the advisory lock is per database: another
            // database's host may be setting the (same) password right now.
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InternalError && attempt < 5)
            {
                await Task.Delay(100 * attempt, ct);
            }
        }
    }

    private async Task SetApplicationPasswordAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Owner);
        await connection.OpenAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({LoginLockKey})", connection))
            await lockCommand.ExecuteNonQueryAsync(ct);
        // ALTER ROLE takes no parameters; the password is hex, so it is safe to inline.
        await using var alter = new NpgsqlCommand($"ALTER ROLE {ApplicationRole} WITH LOGIN PASSWORD '{ApplicationPasswordToSet}'", connection);
        await alter.ExecuteNonQueryAsync(ct);
        await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LoginLockKey})", connection);
        await unlock.ExecuteNonQueryAsync(ct);
    }

    private async Task<bool> ApplicationCanLogInAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Application) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            return false;
        }
    }
}
