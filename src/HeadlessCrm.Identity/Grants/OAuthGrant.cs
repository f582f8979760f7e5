namespace HeadlessCrm.Identity.Grants;

/// <summary>
/// What a member allowed a client when they signed in: the scopes, for that client, in that workspace. The codes and
/// refresh tokens handed out under it form one family; revoking the grant ends all of them and the access tokens
/// they produced.
/// </summary>
public sealed class OAuthGrant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string ClientId { get; init; }
    public required string Subject { get; init; }
    public string[] Scopes { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? RevokedAt { get; set; }
}
