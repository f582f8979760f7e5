using System.Security.Cryptography;
using System.Text;

namespace HeadlessCrm.Identity.Grants;

/// <summary>Proof Key for Code Exchange (RFC 7636), S256 only: the plain method would hand the secret to whoever sees the request.</summary>
public static class Pkce
{
    public const string S256 = "S256";

    /// <summary>A challenge is the base64url of a SHA-256: 43 characters of the base64url alphabet.</summary>
    public static bool IsChallenge(string value) => value.Length == 43 && value.All(IsBase64Url);

    /// <summary>A verifier is 43 to 128 unreserved characters (RFC 7636 §4.1).</summary>
    public static bool IsVerifier(string value) => value.Length is >= 43 and <= 128 && value.All(c => IsBase64Url(c) || c is '.' or '~');

    public static string ChallengeOf(string verifier) => OpaqueTokens.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static bool Verify(string verifier, string challenge) =>
        IsVerifier(verifier) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ChallengeOf(verifier)), Encoding.ASCII.GetBytes(challenge));

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
