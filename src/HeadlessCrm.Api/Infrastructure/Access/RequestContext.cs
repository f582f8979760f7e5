using System.Security.Claims;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Identity;

namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>
/// Who is calling, for one request or job: the workspace (from the token only), the member if a person is behind it,
/// their role and team, and the granted scopes. The data layer filters every query by it.
/// </summary>
public sealed class RequestContext
{
    private HashSet<string> _scopes = [];

    public bool IsAuthenticated { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string Subject { get; private set; } = "";
    public Guid? MemberId { get; private set; }
    public MemberRole Role { get; private set; } = MemberRole.Admin;
    public Guid? TeamId { get; private set; }

    /// <summary>Clients (integrations) and admins see the whole workspace; managers their team's records; reps their own.</summary>
    public bool SeesWholeWorkspace => MemberId is null || Role == MemberRole.Admin;

    /// <summary>The team whose members' records the caller also sees: a manager's team; nobody else's.</summary>
    public Guid? VisibleTeamId => MemberId is not null && Role == MemberRole.Manager ? TeamId : null;

    public bool Has(string scope) => _scopes.Contains(scope);

    /// <summary>The scopes granted to this request (a job started now keeps them).</summary>
    public IReadOnlyCollection<string> GrantedScopes => _scopes;

    /// <summary>The one check every use case makes before it reads or writes.</summary>
    public void Demand(string scope)
    {
        if (!Has(scope)) throw new MissingScopeException(scope);
    }

    public void Authenticate(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return;
        if (!Guid.TryParse(user.FindFirstValue(TokenClaims.WorkspaceId), out var workspaceId)) return;

        IsAuthenticated = true;
        WorkspaceId = workspaceId;
        Subject = user.FindFirstValue(TokenClaims.Subject) ?? "";
        _scopes = [.. (user.FindFirstValue(TokenClaims.Scope) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        if (Guid.TryParse(user.FindFirstValue(TokenClaims.MemberId), out var memberId))
        {
            MemberId = memberId;
            Role = Enum.TryParse<MemberRole>(user.FindFirstValue(TokenClaims.Role), ignoreCase: true, out var role) ? role : MemberRole.Rep;
            TeamId = Guid.TryParse(user.FindFirstValue(TokenClaims.TeamId), out var teamId) ? teamId : null;
        }
    }

    /// <summary>
    /// Before anyone is authenticated (signing in through a client, accepting an invitation), reads and writes are
    /// confined to the one workspace the credential being checked belongs to. No scope comes with it.
    /// </summary>
    public void EnterWorkspace(Guid workspaceId)
    {
        if (IsAuthenticated && WorkspaceId != workspaceId)
            throw new InvalidOperationException("An authenticated request cannot move to another workspace.");
        WorkspaceId = workspaceId;
    }

    /// <summary>
    /// How many automation-rule steps led to the changes made now: 0 for people and integrations; a rule acting on an
    /// event of depth d acts at d + 1, and the events of its changes carry that depth (the loop guard).
    /// </summary>
    public int EventDepth { get; private set; }

    /// <summary>
    /// A background job acting for the person or client who started it (a CSV import): their member, role and team
    /// (as they are now) and the scopes they gave it, so their visibility applies exactly as to their requests.
    /// </summary>
    public void ActFor(Guid workspaceId, string subject, Guid? memberId, MemberRole role, Guid? teamId, IEnumerable<string> scopes)
    {
        IsAuthenticated = true;
        WorkspaceId = workspaceId;
        Subject = subject;
        MemberId = memberId;
        Role = memberId is null ? MemberRole.Admin : role;
        TeamId = teamId;
        _scopes = [.. scopes];
    }

    /// <summary>A background job acting for a whole workspace with the given scopes.</summary>
    public void ActAsSystem(Guid workspaceId, IEnumerable<string> scopes, int eventDepth = 0)
    {
        EventDepth = eventDepth;
        IsAuthenticated = true;
        WorkspaceId = workspaceId;
        Subject = "system";
        _scopes = [.. scopes];
    }
}
