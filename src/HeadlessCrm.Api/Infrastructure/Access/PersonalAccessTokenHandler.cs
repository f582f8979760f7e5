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
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CrmDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static bool Presents(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer " + PersonalAccessToken.Prefix, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Presents(Context)) return AuthenticateResult.NoResult();
        var hash = SecretTokens.Hash(Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;

        // No workspace is known before the token is found, so the tenant filter is lifted for this one lookup.
        var found = await db.PersonalAccessTokens.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Join(db.Members.IgnoreQueryFilters().Where(m => m.ArchivedAt == null),
                t => new { t.WorkspaceId, Id = t.MemberId }, m => new { m.WorkspaceId, m.Id }, (t, m) => new { Token = t, Member = m })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("Unknown, revoked or expired personal access token.");

        if (found.Token.LastUsedAt is null || now - found.Token.LastUsedAt > LastUsedResolution)
        {
            await db.PersonalAccessTokens.IgnoreQueryFilters()
                .Where(t => t.WorkspaceId == found.Token.WorkspaceId && t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var account = MemberAccounts.Describe(found.Member);
        var scopes = found.Token.Scopes.Where(account.AllowedScopes.Contains);
        var claims = new List<Claim>
        {
            new(TokenClaims.Subject, account.Subject),
            new(TokenClaims.WorkspaceId, found.Token.WorkspaceId.ToString()),
            new(TokenClaims.ClientId, $"pat:{found.Token.Id}"),
            new(TokenClaims.Scope, string.Join(' ', scopes)),
        };
        claims.AddRange(account.Claims.Select(c => new Claim(c.Key, c.Value.ToString()!)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, TokenClaims.Subject, TokenClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => UnauthorizedProblem.WriteAsync(Context, tokenWasInvalid: true);
}
