using System.Text.Json;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Infrastructure.Idempotency;

/// <summary>
/// The idempotency store both transports use (REST's Idempotency-Key header, GraphQL's idempotencyKey argument): a key
/// is claimed by the first request, completed with its response, replayed to retries of the same request for
/// <see cref="Retention"/>, and refused for a different request.
/// </summary>
public sealed class IdempotencyKeys(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public enum Outcome
    {
        /// <summary>First use: run the request, then <see cref="CompleteAsync"/> or <see cref="ForgetAsync"/>.</summary>
        Claimed,
        /// <summary>The same request ran already: answer with <see cref="Begun.Record"/>.</summary>
        Replay,
        InProgress,
        /// <summary>The key was used for a different request.</summary>
        Reused,
    }

    public sealed record Begun(Outcome Outcome, IdempotencyRecord? Record = null);

    public static bool IsValid(string key) => key.Length is > 0 and <= 255 && key.All(c => c is >= (char)0x21 and <= (char)0x7e);

    public async Task<Begun> BeginAsync(string key, string hash)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await ClaimAsync(key, hash, now)) return new Begun(Outcome.Claimed);

        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Subject == caller.Subject && r.Key == key);
        if (existing is null || existing.CreatedAt < now - Retention)
        {
            // Expired (or removed in between): forget it and run the request as new.
            await ForgetAsync(key);
            return new Begun(await ClaimAsync(key, hash, now) ? Outcome.Claimed : Outcome.InProgress);
        }
        if (existing.RequestHash != hash) return new Begun(Outcome.Reused);
        return existing.StatusCode is null ? new Begun(Outcome.InProgress) : new Begun(Outcome.Replay, existing);
    }

    // Plain SQL like the claim, rather than ExecuteUpdate/ExecuteDelete: EF translated those anew on every call, which
    // cost a create more host CPU than the statement itself (docs/performance.md). The key is the caller's, in the
    // caller's workspace, as the tenant filter would have added.
    public Task CompleteAsync(string key, int status, Dictionary<string, string> headers, byte[] body) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_keys SET status_code = {status}, response_headers = {JsonSerializer.Serialize(headers)}::jsonb, response_body = {body}
            WHERE workspace_id = {caller.WorkspaceId} AND subject = {caller.Subject} AND key = {key}
            """);

    public Task ForgetAsync(string key) =>
        db.Database.ExecuteSqlAsync($"""
            DELETE FROM idempotency_keys WHERE workspace_id = {caller.WorkspaceId} AND subject = {caller.Subject} AND key = {key}
            """);

    private async Task<bool> ClaimAsync(string key, string hash, DateTime now) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_keys (workspace_id, subject, key, request_hash, created_at)
            VALUES ({caller.WorkspaceId}, {caller.Subject}, {key}, {hash}, {now})
            ON CONFLICT DO NOTHING
            """) == 1;
}
