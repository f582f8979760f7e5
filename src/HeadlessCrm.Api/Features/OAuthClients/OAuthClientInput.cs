using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Features.OAuthClients;

/// <summary>What an admin registers: name, kind, the most the client may be granted, and where sign-ins may return to.</summary>
public sealed record OAuthClientInput(string? Name = null, OAuthClientType? Type = null, string[]? AllowedScopes = null, string[]? RedirectUris = null)
{
    public const int MaxRedirectUris = 10;

    public void Check(RuleCheck check)
    {
        var scopes = AllowedScopes ?? [];
        var uris = RedirectUris ?? [];
        check.Required(Name, "name").Text(Name, "name", 100)
            .Required(Type, "type")
            .Must(scopes.Length > 0, "allowedScopes", "Name at least one scope.")
            .Must(scopes.All(Scopes.All.Contains), "allowedScopes", $"Known scopes are: {string.Join(' ', Scopes.All)}.")
            .Must(uris.Length <= MaxRedirectUris, "redirectUris", $"At most {MaxRedirectUris}.")
            .Must(Type != OAuthClientType.Public || uris.Length > 0, "redirectUris", "A public client signs members in: give at least one redirect URI.");
        for (var i = 0; i < uris.Length; i++)
            check.Must(RedirectUriRules.IsAcceptable(uris[i], out var reason), $"redirectUris[{i}]", reason);
    }
}
