using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Identity.Clients;

/// <summary>Authenticates the calling client at the token endpoint: client_secret_basic or client_secret_post.</summary>
public sealed class ClientAuthenticator(IIdentityStore store, ClientSecretHasher hasher)
{
    public sealed record Outcome(OAuthClient? Client, string? Error, string? Description);

    public async Task<Outcome> AuthenticateAsync(HttpRequest request, IFormCollection form, CancellationToken ct)
    {
        string? clientId = form["client_id"];
        string? secret = form["client_secret"];
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (secret is not null)
                return new(null, "invalid_request", "Use one client authentication method, not both.");
            if (!TryParseBasic(header, out var basicId, out var basicSecret))
                return new(null, "invalid_client", "Malformed Basic credentials.");
            if (clientId is not null && clientId != basicId)
                return new(null, "invalid_request", "client_id differs from the authenticated client.");
            (clientId, secret) = (basicId, basicSecret);
        }

        if (string.IsNullOrEmpty(clientId))
            return new(null, "invalid_client", "Client authentication is required.");

        var client = await store.OAuthClients.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null || (client.IsConfidential && (secret is null || !hasher.Verify(client, secret))))
            return new(null, "invalid_client", "Unknown client or wrong secret.");
        return new(client, null, null);
    }

    /// <summary>RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.</summary>
    private static bool TryParseBasic(string header, out string clientId, out string secret)
    {
        clientId = secret = "";
        try
        {
            var value = AuthenticationHeaderValue.Parse(header).Parameter ?? "";
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value));
            var colon = decoded.IndexOf(':');
            if (colon < 1) return false;
            clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
