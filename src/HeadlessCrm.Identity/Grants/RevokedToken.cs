namespace HeadlessCrm.Identity.Grants;

/// <summary>
/// An entry of the access-token deny-list: a token's <c>jti</c>, a whole grant's id (its tokens carry it as
/// <c>sid</c>) or a deleted client's id. Kept until every token it stops would have expired anyway.
/// </summary>
public sealed class RevokedToken
{
    public required string TokenId { get; init; }
    public DateTime ExpiresAt { get; init; }

    public static string ForAccessToken(string jti) => "jti:" + jti;

    public static string ForGrant(Guid grantId) => "grant:" + grantId.ToString("N");

    /// <summary>Every token of a deleted client.</summary>
    public static string ForClient(string clientId) => "client:" + clientId;
}
