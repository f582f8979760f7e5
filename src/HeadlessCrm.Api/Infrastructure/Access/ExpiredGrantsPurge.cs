using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>
/// Every <c>Crm:Auth:PurgeInterval</c>, deletes what the authorization server no longer needs, a batch at a time:
/// deny-list entries whose tokens have expired, expired refresh tokens (spent ones are kept until then, to catch
/// reuse), codes a day after they expired (a late replay still revokes), and grants left with neither. Hosts may run
/// it at once: deleting the same rows twice is harmless.
/// </summary>
public sealed class ExpiredGrantsPurge(NpgsqlDataSource database, IOptions<IdentityServerOptions> options, TimeProvider clock) : IBackgroundWork
{
    private const int Batch = 1000;
    private DateTime _nextRun;

    private static readonly string[] Statements =
    [
        "DELETE FROM oauth_revoked_tokens WHERE token_id IN (SELECT token_id FROM oauth_revoked_tokens WHERE expires_at < @now LIMIT @batch)",
        "DELETE FROM oauth_refresh_tokens WHERE token_hash IN (SELECT token_hash FROM oauth_refresh_tokens WHERE expires_at < @now LIMIT @batch)",
        "DELETE FROM oauth_authorization_codes WHERE code_hash IN (SELECT code_hash FROM oauth_authorization_codes WHERE expires_at < @now - interval '1 day' LIMIT @batch)",
        """
        DELETE FROM oauth_grants WHERE id IN (
            SELECT g.id FROM oauth_grants AS g
            WHERE g.created_at < @now - interval '1 day'
              AND NOT EXISTS (SELECT 1 FROM oauth_refresh_tokens AS t WHERE t.grant_id = g.id)
              AND NOT EXISTS (SELECT 1 FROM oauth_authorization_codes AS c WHERE c.grant_id = g.id)
            LIMIT @batch)
        """,
    ];

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextRun) return false;
        var full = false;
        foreach (var sql in Statements)
        {
            await using var command = database.CreateCommand(sql);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("batch", Batch);
            full |= await command.ExecuteNonQueryAsync(ct) == Batch;
        }
        // A full batch means more is due: go again at once, otherwise rest until the next interval.
        if (!full) _nextRun = now + options.Value.PurgeInterval;
        return full;
    }
}
