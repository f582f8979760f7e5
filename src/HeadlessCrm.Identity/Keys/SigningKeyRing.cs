using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HeadlessCrm.Identity.Keys;

/// <summary>
/// The signing keys, read from the database so every host signs with the same key and trusts the same set.
/// Rotation publishes the next key well before it signs; a retired key stays published until its tokens expire.
/// </summary>
public sealed partial class SigningKeyRing(
    IServiceScopeFactory scopes,
    IOptions<IdentityServerOptions> options,
    TimeProvider clock,
    ILogger<SigningKeyRing> log)
{
    private const long RotationLockKey = 0x48434D_4B455953; // "HCM KEYS"
    private static readonly TimeSpan MissRefreshThrottle = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private DateTime _lastMissRefresh;

    private sealed record LoadedKey(SigningKey Key, RsaSecurityKey Private, RsaSecurityKey Public);

    private sealed record Snapshot(IReadOnlyList<LoadedKey> Keys, DateTime LoadedAt);

    private IdentityServerOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The key that signs now.</summary>
    public async ValueTask<SigningCredentials> SigningCredentialsAsync(CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        var now = Now;
        var signer = snapshot.Keys
            .Where(k => k.Key.SignsFrom <= now && now < k.Key.SignsUntil)
            .MaxBy(k => k.Key.SignsFrom);
        if (signer is null)
        {
            snapshot = await RotateAndLoadAsync(ct);
            signer = snapshot.Keys.Where(k => k.Key.SignsFrom <= now).MaxBy(k => k.Key.SignsFrom)
                ?? throw new InvalidOperationException("No signing key could be made.");
        }
        return new SigningCredentials(signer.Private, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The public keys of the JWKS document.</summary>
    public async ValueTask<IReadOnlyList<JsonWebKey>> PublishedAsync(CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        var now = Now;
        return snapshot.Keys.Where(k => k.Key.PublishedUntil > now).Select(k =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(k.Public);
            jwk.Use = "sig";
            jwk.Alg = k.Key.Algorithm;
            return jwk;
        }).ToList();
    }

    /// <summary>For token validation: the published key with this id. An unknown id triggers one throttled reload.</summary>
    public IEnumerable<SecurityKey> Resolve(string? keyId)
    {
        var snapshot = _snapshot ?? CurrentAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var found = Find(snapshot, keyId);
        if (found is not null || keyId is null) return found is null ? [] : [found];

        var now = Now;
        if (now - _lastMissRefresh < MissRefreshThrottle) return [];
        _lastMissRefresh = now;
        snapshot = LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
        found = Find(snapshot, keyId);
        return found is null ? [] : [found];
    }

    /// <summary>
    /// Whether the ring this host holds now has the key with this id, without reloading: a token validated earlier is
    /// accepted only while it does, so a key removed or retired stops its tokens as soon as the ring drops it.
    /// </summary>
    public bool Trusts(string? keyId) => keyId is not null && _snapshot is { } snapshot && Find(snapshot, keyId) is not null;

    /// <summary>Creates the keys that are due (first key, or the next one ahead of rotation) and reloads.</summary>
    public Task RotateAsync(CancellationToken ct) => RotateAndLoadAsync(ct);

    private async Task<Snapshot> RotateAndLoadAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IIdentityStore>();
            await using var tx = await store.Database.BeginTransactionAsync(ct);
            await store.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RotationLockKey})", ct);

            var now = Now;
            var keys = await store.SigningKeys.AsNoTracking().Where(k => k.SignsUntil > now).ToListAsync(ct);
            var signer = keys.Where(k => k.SignsFrom <= now).MaxBy(k => k.SignsUntil);
            if (signer is null)
            {
                store.SigningKeys.Add(NewKey(now, now));
                LogCreated(log, "first");
            }
            else if (signer.SignsUntil - now < Options.SigningKeyPublishAhead * 2 && keys.All(k => k.SignsFrom <= now))
            {
                var from = signer.SignsUntil > now + Options.SigningKeyPublishAhead ? signer.SignsUntil : now + Options.SigningKeyPublishAhead;
                store.SigningKeys.Add(NewKey(now, from));
                LogCreated(log, "next");
            }
            await store.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return await LoadAsync(ct);
    }

    private static SecurityKey? Find(Snapshot snapshot, string? keyId) =>
        snapshot.Keys.FirstOrDefault(k => k.Key.Id == keyId)?.Public;

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && Now - snapshot.LoadedAt < Options.SigningKeyRefresh) return snapshot;
        return await RotateAndLoadAsync(ct);
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        await _refreshGate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IIdentityStore>();
            var now = Now;
            var keys = await store.SigningKeys.AsNoTracking().Where(k => k.PublishedUntil > now).ToListAsync(ct);
            var snapshot = new Snapshot(keys.Select(Load).ToList(), now);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private static LoadedKey Load(SigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(key.PrivateKey, out _);
        return new LoadedKey(
            key,
            new RsaSecurityKey(rsa) { KeyId = key.Id },
            new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = key.Id });
    }

    private SigningKey NewKey(DateTime now, DateTime signsFrom)
    {
        using var rsa = RSA.Create(2048);
        var signsUntil = signsFrom + Options.SigningKeyLifetime;
        return new SigningKey
        {
            Id = Guid.CreateVersion7().ToString("N"),
            PrivateKey = rsa.ExportPkcs8PrivateKey(),
            CreatedAt = now,
            SignsFrom = signsFrom,
            SignsUntil = signsUntil,
            PublishedUntil = signsUntil + Options.AccessTokenLifetime + TimeSpan.FromMinutes(5),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the {Which} token-signing key.")]
    private static partial void LogCreated(ILogger logger, string which);
}
