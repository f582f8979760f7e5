using System.Security.Cryptography;
using System.Text;

namespace HeadlessCrm.Api.Features.Shared;

/// <summary>
/// High-entropy secrets handed out once (personal tokens, invitations): 256 random bits, stored only as SHA-256 —
/// a slow hash buys nothing for a secret nobody chose.
/// </summary>
public static class SecretTokens
{
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
