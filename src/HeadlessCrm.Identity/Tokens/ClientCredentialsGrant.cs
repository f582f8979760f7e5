using HeadlessCrm.Identity.Clients;
using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.Identity.Tokens;

/// <summary>RFC 6749 §4.4: a confidential client gets a token for its own workspace, with the scopes it may have.</summary>
public sealed class ClientCredentialsGrant(AccessTokenIssuer issuer)
{
    public async Task<IResult> HandleAsync(OAuthClient client, IFormCollection form, CancellationToken ct)
    {
        if (!client.IsConfidential)
            return OAuthError.Result("unauthorized_client", "Public clients cannot use client_credentials.");

        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var scopes = requested.Length == 0 ? client.AllowedScopes : requested.Distinct().ToArray();
        var refused = scopes.Where(s => !client.AllowedScopes.Contains(s)).ToList();
        if (refused.Count > 0)
            return OAuthError.Result("invalid_scope", $"The client may not have: {string.Join(' ', refused)}.");

        var issued = await issuer.IssueAsync(
            new AccessTokenIssuer.Grant(client.ClientId, client.WorkspaceId, client.ClientId, scopes), ct);
        return TokenEndpoint.Success(issued);
    }
}
