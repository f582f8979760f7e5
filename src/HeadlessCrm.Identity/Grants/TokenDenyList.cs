using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Identity.Grants;

/// <summary>
/// Revoked access tokens and grants. JWTs are checked against it on every request; each answer is cached for
/// <see cref="IdentityServerOptions.RevocationCacheDuration"/>, so another host sees a revocation within that time and
/// this host at once.
/// </summary>
public sealed class TokenDenyList(IIdentityStore store, IMemoryCache cache, IOptions<IdentityServerOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<bool> IsRevokedAsync(string? jti, string? grantId, string? clientId, CancellationToken ct)
    {
        var ids = new List<string>(3);
        if (!string.IsNullOrEmpty(jti)) ids.Add(RevokedToken.ForAccessToken(jti));
        if (Guid.TryParse(grantId, out var grant)) ids.Add(RevokedToken.ForGrant(grant));
        if (!string.IsNullOrEmpty(clientId)) ids.Add(RevokedToken.ForClient(clientId));

        var unknown = new List<string>(3);
        foreach (var id in ids)
        {
            if (!cache.TryGetValue(CacheKey(id), out bool revoked)) unknown.Add(id);
            else if (revoked) return true;
        }
        if (unknown.Count == 0) return false;

        var now = Now;
        var found = await store.RevokedTokens.AsNoTracking().Where(t => unknown.Contains(t.TokenId) && t.ExpiresAt > now).Select(t => t.TokenId).ToListAsync(ct);
        foreach (var id in unknown) cache.Set(CacheKey(id), found.Contains(id), options.Value.RevocationCacheDuration);
        return found.Count > 0;
    }

    /// <summary>Stops one access token until it would have expired.</summary>
    public Task RevokeAccessTokenAsync(string jti, DateTime expiresAt, CancellationToken ct) =>
        AddAsync(RevokedToken.ForAccessToken(jti), expiresAt, ct);

    /// <summary>Ends a grant: its refresh tokens stop working, and so do the access tokens it produced.</summary>
    public async Task RevokeGrantAsync(Guid grantId, CancellationToken ct)
    {
        var now = Now;
        await store.OAuthGrants.Where(g => g.Id == grantId && g.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), ct);
        await AddAsync(RevokedToken.ForGrant(grantId), now + options.Value.AccessTokenLifetime + TimeSpan.FromMinutes(1), ct);
    }

    /// <summary>Stops every access token of a client that is being deleted (its grants go with it).</summary>
    public Task RevokeClientAsync(string clientId, CancellationToken ct) =>
        AddAsync(RevokedToken.ForClient(clientId), Now + options.Value.AccessTokenLifetime + TimeSpan.FromMinutes(1), ct);

    private async Task AddAsync(string id, DateTime expiresAt, CancellationToken ct)
    {
        cache.Set(CacheKey(id), true, options.Value.RevocationCacheDuration);
        if (await store.RevokedTokens.AnyAsync(t => t.TokenId == id, ct)) return;
        var entry = store.RevokedTokens.Add(new RevokedToken { TokenId = id, ExpiresAt = expiresAt });
        try
        {
            await store.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Revoked at the same moment by another request: the entry exists, which is all that matters.
            entry.State = EntityState.Detached;
        }
    }

    private static string CacheKey(string id) => "revoked:" + id;
}
