using HeadlessCrm.Identity.Clients;
using System.Linq.Expressions;

namespace HeadlessCrm.Api.Features.OAuthClients;

/// <summary>An application registered in the workspace. Its secret is never shown again after it is made.</summary>
public sealed record OAuthClientDto(
    Guid Id, string ClientId, string Name, OAuthClientType Type, IReadOnlyList<string> AllowedScopes, IReadOnlyList<string> RedirectUris,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static readonly Expression<Func<OAuthClient, OAuthClientDto>> Projection = c => new OAuthClientDto(
        c.Id, c.ClientId, c.Name, c.SecretHash == null ? OAuthClientType.Public : OAuthClientType.Confidential,
        c.AllowedScopes, c.RedirectUris, c.CreatedAt, c.UpdatedAt);

    private static readonly Func<OAuthClient, OAuthClientDto> Map = Projection.Compile();

    public static OAuthClientDto From(OAuthClient client) => Map(client);
}

/// <summary>A client just made, or its secret just replaced: <c>clientSecret</c> (confidential clients only) appears only here.</summary>
public sealed record IssuedOAuthClientDto(OAuthClientDto Client, string? ClientSecret);

/// <summary>Confidential: a server that keeps a secret. Public: a SPA or mobile app, which cannot, and signs members in with PKCE.</summary>
public enum OAuthClientType
{
    Confidential,
    Public,
}
