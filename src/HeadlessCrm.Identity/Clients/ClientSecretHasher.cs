using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace HeadlessCrm.Identity.Clients;

/// <summary>
/// Client secrets are stored as PBKDF2 hashes (ASP.NET Core Identity's PasswordHasher), since some are chosen by
/// people. PBKDF2 is slow on purpose, so a verified (client, secret) pair is remembered for a short while.
/// </summary>
public sealed class ClientSecretHasher
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private readonly PasswordHasher<OAuthClient> _hasher = new();
    private readonly ConcurrentDictionary<string, DateTime> _verified = new();
    private readonly TimeProvider _clock;

    public ClientSecretHasher(TimeProvider clock) => _clock = clock;

    public string Hash(OAuthClient client, string secret) => _hasher.HashPassword(client, secret);

    public bool Verify(OAuthClient client, string secret)
    {
        if (client.SecretHash is null) return false;
        var now = _clock.GetUtcNow().UtcDateTime;
        var memo = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{client.ClientId}\n{client.SecretHash}\n{secret}")));
        if (_verified.TryGetValue(memo, out var until) && until > now) return true;

        var ok = _hasher.VerifyHashedPassword(client, client.SecretHash, secret) != PasswordVerificationResult.Failed;
        if (ok)
        {
            if (_verified.Count > 10_000) _verified.Clear();
            _verified[memo] = now + RememberFor;
        }
        return ok;
    }

    /// <summary>A secret for a generated client: 256 random bits, URL-safe.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
