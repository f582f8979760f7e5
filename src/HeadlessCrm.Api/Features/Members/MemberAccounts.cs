using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Identity;
using HeadlessCrm.Identity.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>Members as the authorization server sees them: checked by password, described by role and team.</summary>
public sealed class MemberAccounts(CrmDbContext db) : IMemberAccounts
{
    public async Task<MemberAccount?> SignInAsync(Guid workspaceId, string email, string password, CancellationToken ct)
    {
        var normalised = email.Trim().ToLowerInvariant();
        var member = await Active(workspaceId).FirstOrDefaultAsync(m => m.Email.ToLower() == normalised, ct);
        return member is not null && MemberUseCases.VerifyPassword(member, password) ? Describe(member) : null;
    }

    public async Task<MemberAccount?> FindAsync(Guid workspaceId, string subject, CancellationToken ct)
    {
        if (!Guid.TryParse(subject, out var id)) return null;
        var member = await Active(workspaceId).FirstOrDefaultAsync(m => m.Id == id, ct);
        return member is null ? null : Describe(member);
    }

    /// <summary>Sign-in happens before any workspace is in the request's context, so the workspace is given explicitly.</summary>
    private IQueryable<Member> Active(Guid workspaceId) =>
        db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.WorkspaceId == workspaceId && m.ArchivedAt == null);

    public static MemberAccount Describe(Member member)
    {
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.MemberId] = member.Id.ToString(),
            [TokenClaims.Role] = member.Role.ToString().ToLowerInvariant(),
        };
        if (member.TeamId is { } team) claims[TokenClaims.TeamId] = team.ToString();
        return new MemberAccount(member.Id.ToString(), member.Name, RoleScopes.For(member.Role), claims);
    }
}
