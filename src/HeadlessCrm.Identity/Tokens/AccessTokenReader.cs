using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HeadlessCrm.Identity.Tokens;

/// <summary>
/// Reads an access token this server issued, with the very checks the API applies (signature, issuer, audience),
/// for the revocation and introspection endpoints.
/// </summary>
public sealed class AccessTokenReader(IOptionsMonitor<JwtBearerOptions> jwt)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The token's claims, or null when it is not ours; <paramref name="evenIfExpired"/> for revocation, which may come late.</summary>
    public async Task<ClaimsIdentity?> ReadAsync(string token, bool evenIfExpired)
    {
        if (!Handler.CanReadToken(token)) return null;
        var parameters = jwt.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.Clone();
        parameters.ValidateLifetime = !evenIfExpired;
        var result = await Handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? result.ClaimsIdentity : null;
    }
}
