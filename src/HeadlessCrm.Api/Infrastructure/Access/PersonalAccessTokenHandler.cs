using System.Security.Claims;
using System.Text.Encodings.Web;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer hcp_…</c>: the token's hash is looked up on every request, so revoking it,
/// archiving its member or changing their role takes effect at once. Its scopes are cut to what the member's role
/// allows today.
/// </summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CrmDbContext db, RequestContext caller, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    public static bool Presents(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer " + PersonalAccessToken.Prefix, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Presents(Context)) return AuthenticateResult.NoResult();
        var hash = SecretTokens.Hash(Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;

        // The workspace is unknown until the token is found: a database function resolves exactly this token (and
        // refreshes its last use) without giving the application role a view across workspaces.
        var token = await db.Database
            .SqlQuery<ResolvedToken>($"""SELECT workspace_id AS "WorkspaceId", token_id AS "TokenId", member_id AS "MemberId", scopes AS "Scopes" FROM crm_resolve_personal_token({hash}, {now})""")
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("Unknown, revoked or expired personal access token.");

        caller.EnterWorkspace(token.WorkspaceId);
        var member = await db.Members.AsNoTracking().Where(m => m.Id == token.MemberId)
            .Select(m => new { m.Name, m.Role, m.TeamId }).FirstAsync(Context.RequestAborted);
        var account = MemberAccounts.Describe(token.MemberId, member.Name, member.Role, member.TeamId);
        var claims = new List<Claim>
        {
            new(TokenClaims.Subject, account.Subject),
            new(TokenClaims.WorkspaceId, token.WorkspaceId.ToString()),
            new(TokenClaims.ClientId, $"pat:{token.TokenId}"),
            new(TokenClaims.Scope, string.Join(' ', token.Scopes.Where(account.AllowedScopes.Contains))),
        };
        claims.AddRange(account.Claims.Select(c => new Claim(c.Key, c.Value.ToString()!)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, TokenClaims.Subject, TokenClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private sealed record ResolvedToken(Guid WorkspaceId, Guid TokenId, Guid MemberId, string[] Scopes);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => UnauthorizedProblem.WriteAsync(Context, tokenWasInvalid: true);
}
