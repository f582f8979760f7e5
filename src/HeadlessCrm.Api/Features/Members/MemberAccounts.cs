using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Identity;
using HeadlessCrm.Identity.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>Members as the authorization server sees them: checked by password, described by role and team.</summary>
public sealed class MemberAccounts(CrmDbContext db, RequestContext caller) : IMemberAccounts
{
    public async Task<MemberAccount?> SignInAsync(Guid workspaceId, string email, string password, CancellationToken ct)
    {
        var normalised = email.Trim().ToLowerInvariant();
        var member = await Active(workspaceId).FirstOrDefaultAsync(m => m.Email.ToLower() == normalised, ct);
        return member is not null && MemberUseCases.VerifyPassword(member, password) ? Describe(member.Id, member.Name, member.Role, member.TeamId) : null;
    }

    public async Task<MemberAccount?> FindAsync(Guid workspaceId, string subject, CancellationToken ct)
    {
        if (!Guid.TryParse(subject, out var id)) return null;
        var member = await Active(workspaceId).FirstOrDefaultAsync(m => m.Id == id, ct);
        return member is null ? null : Describe(member.Id, member.Name, member.Role, member.TeamId);
    }

    /// <summary>Sign-in happens before anyone is authenticated: the client's workspace is the one to look in.</summary>
    private IQueryable<Member> Active(Guid workspaceId)
    {
        caller.EnterWorkspace(workspaceId);
        return db.Members.AsNoTracking().Where(m => m.ArchivedAt == null);
    }

    public static MemberAccount Describe(Guid id, string name, MemberRole role, Guid? teamId)
    {
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.MemberId] = id.ToString(),
            [TokenClaims.Role] = role.ToString().ToLowerInvariant(),
        };
        if (teamId is { } team) claims[TokenClaims.TeamId] = team.ToString();
        return new MemberAccount(id.ToString(), name, RoleScopes.For(role), claims);
    }
}
