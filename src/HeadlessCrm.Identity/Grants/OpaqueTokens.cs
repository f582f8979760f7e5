using System.Security.Cryptography;
using System.Text;

namespace HeadlessCrm.Identity.Grants;

/// <summary>Codes and refresh tokens: 256 random bits, URL-safe, stored only as SHA-256 (nobody chose them, so a fast hash suffices).</summary>
public static class OpaqueTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
