using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Identity.Authorize;

/// <summary>
/// The parameters of an authorization request (RFC 6749 §4.1.1 with PKCE), read from the query of the GET and echoed
/// by the sign-in form's hidden fields in the POST, and checked the same way both times.
/// </summary>
public sealed record AuthorizeRequest(
    string ClientId, string RedirectUri, string ResponseType, string Scope, string State, string CodeChallenge, string CodeChallengeMethod)
{
    public static readonly string[] FieldNames =
        ["client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method"];

    public static AuthorizeRequest From(Func<string, string> read) => new(
        read("client_id"), read("redirect_uri"), read("response_type"), read("scope"), read("state"),
        read("code_challenge"), read("code_challenge_method"));

    public IEnumerable<KeyValuePair<string, string>> Fields() => FieldNames.Zip(
        [ClientId, RedirectUri, ResponseType, Scope, State, CodeChallenge, CodeChallengeMethod],
        (name, value) => new KeyValuePair<string, string>(name, value));

    /// <summary>The outcome of checking a request: a page-only error, an error sent back to the client, or the go-ahead.</summary>
    public sealed record Checked(OAuthClient? Client, string[] Scopes, string? PageError, IResult? ClientError);

    /// <summary>
    /// Until the client and its redirect URI are known good, an error is shown on the page (RFC 6749 §4.1.2.1: never
    /// redirect to an unverified URI); after that, errors go back to the client with its state.
    /// </summary>
    public async Task<Checked> CheckAsync(IIdentityStore store, string issuer, CancellationToken ct)
    {
        if (ClientId.Length == 0) return Page("client_id is missing.");
        var client = await store.OAuthClients.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == ClientId, ct);
        if (client is null) return Page("This application is not known.");
        if (RedirectUri.Length == 0) return Page("redirect_uri is missing.");
        if (!client.RedirectUris.Contains(RedirectUri, StringComparer.Ordinal))
            return Page("redirect_uri is not one this application registered.");

        if (ResponseType != "code") return Back(client, issuer, "unsupported_response_type", "Only response_type=code is supported.");
        if (CodeChallenge.Length == 0) return Back(client, issuer, "invalid_request", "code_challenge is required (PKCE with S256).");
        if (CodeChallengeMethod != Pkce.S256) return Back(client, issuer, "invalid_request", "code_challenge_method must be S256.");
        if (!Pkce.IsChallenge(CodeChallenge)) return Back(client, issuer, "invalid_request", "code_challenge must be the base64url SHA-256 of the verifier.");

        var requested = Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        var scopes = requested.Length == 0 ? client.AllowedScopes : requested.Where(client.AllowedScopes.Contains).ToArray();
        if (scopes.Length == 0) return Back(client, issuer, "invalid_scope", "None of the requested scopes is allowed for this application.");
        return new Checked(client, scopes, null, null);
    }

    /// <summary>The redirect back to the client with these parameters, plus <c>state</c> and <c>iss</c> (RFC 9207).</summary>
    public IResult Redirect(string issuer, params (string Name, string Value)[] parameters)
    {
        var query = parameters.ToDictionary(p => p.Name, p => (string?)p.Value);
        if (State.Length > 0) query["state"] = State;
        query["iss"] = issuer;
        return new RedirectResult(QueryHelpers.AddQueryString(RedirectUri, query));
    }

    private static Checked Page(string message) => new(null, [], message, null);

    private Checked Back(OAuthClient client, string issuer, string error, string description) =>
        new(client, [], null, Redirect(issuer, ("error", error), ("error_description", description)));

    private sealed class RedirectResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = location;
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }
    }
}
