namespace HeadlessCrm.Identity.Clients;

/// <summary>An application allowed to ask for tokens for one workspace.</summary>
public sealed class OAuthClient
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string ClientId { get; init; }
    public required string Name { get; set; }
    /// <summary>Null for a public client (SPA, mobile app), which has no secret.</summary>
    public string? SecretHash { get; set; }
    public string[] AllowedScopes { get; set; } = [];
    public string[] RedirectUris { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsConfidential => SecretHash is not null;
}
