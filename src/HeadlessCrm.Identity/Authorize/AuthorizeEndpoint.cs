using HeadlessCrm.Identity.Accounts;
using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Identity.Authorize;

/// <summary>
/// <c>GET/POST /connect/authorize</c> (RFC 6749 §4.1): the GET shows the sign-in and consent form for a checked
/// request; the POST checks the form's antiforgery token, the request again, the throttle and the member's password,
/// then records the grant and sends a one-time code back to the client's redirect URI.
/// </summary>
public static class AuthorizeEndpoint
{
    public static async Task<IResult> ShowAsync(HttpContext context, IIdentityStore store, IssuerUri issuer, IAntiforgery antiforgery,
        IOptions<IdentityServerOptions> options, CancellationToken ct)
    {
        var query = context.Request.Query;
        var request = AuthorizeRequest.From(name => query[name].ToString());
        var issuerUrl = issuer.Of(context);
        var check = await request.CheckAsync(store, issuerUrl, ct);
        if (check.PageError is not null) return SignInPage.Error(check.PageError);
        if (check.ClientError is not null) return check.ClientError;
        return Form(context, antiforgery, options.Value, check, request with { Scope = string.Join(' ', check.Scopes) }, "", null);
    }

    public static async Task<IResult> SubmitAsync(HttpContext context, IIdentityStore store, IssuerUri issuer, IAntiforgery antiforgery,
        IMemberAccounts accounts, ISignInThrottle throttle, IOptions<IdentityServerOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType) return SignInPage.Error("Send the sign-in form.");
        if (!await antiforgery.IsRequestValidAsync(context))
            return SignInPage.Error("The form has expired or did not come from this page. Go back to the application and start again.");
        var form = await context.Request.ReadFormAsync(ct);
        var request = AuthorizeRequest.From(name => form[name].ToString());
        var issuerUrl = issuer.Of(context);
        var check = await request.CheckAsync(store, issuerUrl, ct);
        if (check.PageError is not null) return SignInPage.Error(check.PageError);
        if (check.ClientError is not null) return check.ClientError;
        var client = check.Client!;

        if (form["decision"] == "deny") return request.Redirect(issuerUrl, ("error", "access_denied"), ("error_description", "The member declined."));

        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        var throttleKey = $"{email.ToLowerInvariant()}|{context.Connection.RemoteIpAddress}";
        if (await throttle.IsLockedAsync(client.WorkspaceId, throttleKey, ct))
            return Form(context, antiforgery, options.Value, check, request, email,
                "Too many failed attempts. Wait a few minutes before trying again.", StatusCodes.Status429TooManyRequests);

        var account = email.Length == 0 || password.Length == 0 ? null : await accounts.SignInAsync(client.WorkspaceId, email, password, ct);
        if (account is null)
        {
            await throttle.RecordFailureAsync(client.WorkspaceId, throttleKey, ct);
            return Form(context, antiforgery, options.Value, check, request, email, "Wrong email or password.");
        }

        var scopes = check.Scopes.Where(account.AllowedScopes.Contains).ToArray();
        if (scopes.Length == 0)
            return request.Redirect(issuerUrl, ("error", "access_denied"), ("error_description", "The member may not grant any of the requested scopes."));

        var code = await IssueCodeAsync(store, client, account, scopes, request, options.Value, clock, ct);
        return request.Redirect(issuerUrl, ("code", code));
    }

    private static async Task<string> IssueCodeAsync(IIdentityStore store, OAuthClient client, MemberAccount account, string[] scopes,
        AuthorizeRequest request, IdentityServerOptions options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var grant = new OAuthGrant
        {
            WorkspaceId = client.WorkspaceId,
            ClientId = client.ClientId,
            Subject = account.Subject,
            Scopes = scopes,
            CreatedAt = now,
        };
        var code = OpaqueTokens.New();
        store.OAuthGrants.Add(grant);
        store.AuthorizationCodes.Add(new AuthorizationCode
        {
            CodeHash = OpaqueTokens.Hash(code),
            GrantId = grant.Id,
            RedirectUri = request.RedirectUri,
            CodeChallenge = request.CodeChallenge,
            ExpiresAt = now + options.EffectiveAuthorizationCodeLifetime,
        });
        await store.SaveChangesAsync(ct);
        return code;
    }

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, IdentityServerOptions options, AuthorizeRequest.Checked check,
        AuthorizeRequest request, string email, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var scopes = check.Scopes.Select(s => (s, options.ScopeDescriptions.GetValueOrDefault(s, s))).ToList();
        return SignInPage.SignIn(new SignInPage.Form(check.Client!.Name, scopes, request, tokens.FormFieldName, tokens.RequestToken!, email, error), status);
    }
}
