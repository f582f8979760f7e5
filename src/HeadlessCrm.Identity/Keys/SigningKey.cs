namespace HeadlessCrm.Identity.Keys;

/// <summary>
/// An RSA key that signs access tokens. It is published in the JWKS from creation, signs between
/// <see cref="SignsFrom"/> and <see cref="SignsUntil"/>, and stays published until its last token has expired.
/// </summary>
public sealed class SigningKey
{
    public required string Id { get; init; }
    public string Algorithm { get; init; } = "RS256";
    /// <summary>PKCS#8.</summary>
    public required byte[] PrivateKey { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime SignsFrom { get; init; }
    public DateTime SignsUntil { get; init; }
    public DateTime PublishedUntil { get; init; }
}
