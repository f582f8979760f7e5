using HeadlessCrm.Identity.Tokens;
using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.Identity.Clients;

/// <summary>The shared opening of the token, revocation and introspection endpoints: a form, no repeated parameters, an authenticated client.</summary>
public static class EndpointClient
{
    public static async Task<(OAuthClient? Client, IFormCollection? Form, IResult? Refusal)> AuthenticateAsync(
        HttpContext context, ClientAuthenticator authenticator, CancellationToken ct)
    {
        var request = context.Request;
        if (!request.HasFormContentType)
            return (null, null, OAuthError.Result("invalid_request", "The request must be application/x-www-form-urlencoded."));
        var form = await request.ReadFormAsync(ct);
        foreach (var (name, values) in form)
        {
            if (values.Count > 1) return (null, null, OAuthError.Result("invalid_request", $"Parameter '{name}' is repeated."));
        }

        var auth = await authenticator.AuthenticateAsync(request, form, ct);
        if (auth.Client is null)
        {
            var status = auth.Error == "invalid_client" ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
            return (null, form, OAuthError.Result(auth.Error!, auth.Description!, status));
        }
        return (auth.Client, form, null);
    }
}
