using System.Linq.Expressions;
using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>The workspace's members: who they are, their role and team, and how they get in (password, invitation).</summary>
public sealed class MemberUseCases(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    private static readonly PasswordHasher<Member> Passwords = new();

    public static readonly Expression<Func<Member, MemberDto>> Projection = m => new MemberDto
    {
        Id = m.Id,
        Email = m.Email,
        Name = m.Name,
        Role = m.Role,
        TeamId = m.TeamId,
        CanSignIn = m.PasswordHash != null,
        InvitationPending = m.InvitationHash != null,
        CreatedAt = m.CreatedAt,
        UpdatedAt = m.UpdatedAt,
        ArchivedAt = m.ArchivedAt,
        Version = m.Version,
    };

    private static readonly Func<Member, MemberDto> Map = Projection.Compile();

    public static readonly FilterSchema<Member> Filters = new FilterSchema<Member>()
        .Field("role", m => m.Role)
        .Field("teamId", m => m.TeamId)
        .Field("email", m => m.Email);

    public static readonly IReadOnlyList<ListParameter> Parameters =
    [
        new("role", "role", FilterOperator.Eq, "admin, manager or rep (comma-separated: any)."),
        new("teamId", "teamId", FilterOperator.Eq, "In this team."),
        new("email", "email", FilterOperator.Eq, "This exact email."),
    ];

    public static readonly SortSchema<Member> Sorts = new SortSchema<Member>("name").Key("name", m => m.Name).Key("createdAt", m => m.CreatedAt);

    public Task<Page<MemberDto>> ListAsync(ListRequest request, CancellationToken ct)
    {
        var query = Filtered(request);
        var (key, descending) = Sorts.Resolve(request.Sort);
        return key.PageAsync(query, Projection, descending, request.Cursor is null ? null : Cursor.Decode(request.Cursor), request.Limit, ct);
    }

    public Task<int> CountAsync(ListRequest request, CancellationToken ct) => Filtered(request).CountAsync(ct);

    private IQueryable<Member> Filtered(ListRequest request)
    {
        caller.Demand(Scopes.MembersRead);
        var query = db.Members.AsNoTracking().Where(m => request.Archived ? m.ArchivedAt != null : m.ArchivedAt == null);
        return request.Filter is null ? query : query.Where(Filters.Compile(request.Filter));
    }

    public async Task<MemberDto> GetAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.MembersRead);
        return await db.Members.AsNoTracking().Where(m => m.Id == id).Select(Projection).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("member", id);
    }

    public async Task<MemberDto> CreateAsync(MemberInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        input = input.WithDefaults();
        Check(input);
        var member = new Member { Email = input.Email!.Trim(), Name = input.Name!.Trim() };
        Apply(input, member);
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return Map(member);
    }

    public async Task<MemberDto> UpdateAsync(Guid id, string? ifMatch, JsonElement patch, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var member = await LoadAsync(id, ifMatch, ct);
        var input = MergePatch.Apply(MemberInput.From(member), patch);
        Check(input);
        if (member.Id == caller.MemberId && input.Role != MemberRole.Admin)
            throw new RuleViolationException("role", "You cannot take away your own admin role.");
        Apply(input, member);
        await db.SaveChangesAsync(ct);
        return Map(member);
    }

    /// <summary>An archived member can no longer sign in, and their personal tokens stop working; their records stay theirs until handed over.</summary>
    public async Task ArchiveAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var member = await LoadAsync(id, ifMatch, ct);
        if (member.Id == caller.MemberId) throw new ConflictException("You cannot archive yourself.");
        member.ArchivedAt ??= clock.GetUtcNow().UtcDateTime;
        member.InvitationHash = null;
        await db.SaveChangesAsync(ct);
    }

    public async Task<MemberDto> RestoreAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var member = await LoadAsync(id, ifMatch, ct);
        member.ArchivedAt = null;
        await db.SaveChangesAsync(ct);
        return Map(member);
    }

    /// <summary>A one-time token the member uses to choose a password; a new invitation replaces the old.</summary>
    public async Task<InvitationDto> InviteAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var member = await LoadAsync(id, null, ct);
        if (member.ArchivedAt is not null) throw new ConflictException("The member is archived.");
        var token = SecretTokens.New("hci_");
        member.InvitationHash = SecretTokens.Hash(token);
        member.InvitationExpiresAt = clock.GetUtcNow().UtcDateTime + InvitationLifetime;
        await db.SaveChangesAsync(ct);
        return new InvitationDto(member.Id, token, member.InvitationExpiresAt.Value);
    }

    /// <summary>Anonymous: the invitation token is the credential. Sets the password and spends the invitation.</summary>
    public async Task AcceptInvitationAsync(AcceptInvitationInput input, CancellationToken ct)
    {
        var check = new RuleCheck()
            .Required(input.Token, "token")
            .Required(input.Password, "password")
            .Must(input.Password is null || input.Password.Length is >= MemberInput.MinPasswordLength and <= 200, "password",
                $"From {MemberInput.MinPasswordLength} to 200 characters.");
        check.ThrowIfBroken();
        var hash = SecretTokens.Hash(input.Token!);
        var now = clock.GetUtcNow().UtcDateTime;
        // No workspace is known yet: a database function says which one this invitation belongs to, if it is still good.
        var invitation = await db.Database
            .SqlQuery<ResolvedInvitation>($"""SELECT workspace_id AS "WorkspaceId", member_id AS "MemberId" FROM crm_resolve_invitation({hash}, {now})""")
            .FirstOrDefaultAsync(ct)
            ?? throw new RuleViolationException("token", "The invitation is unknown, used or expired.");
        caller.EnterWorkspace(invitation.WorkspaceId);
        var member = await db.Members.FirstAsync(m => m.Id == invitation.MemberId, ct);
        member.PasswordHash = Passwords.HashPassword(member, input.Password!);
        member.InvitationHash = null;
        member.InvitationExpiresAt = null;
        await db.SaveChangesAsync(ct);
    }

    private sealed record ResolvedInvitation(Guid WorkspaceId, Guid MemberId);

    public static bool VerifyPassword(Member member, string password) =>
        member.PasswordHash is not null && Passwords.VerifyHashedPassword(member, member.PasswordHash, password) != PasswordVerificationResult.Failed;

    private static void Check(MemberInput input)
    {
        var check = new RuleCheck();
        input.Check(check);
        check.ThrowIfBroken();
    }

    private static void Apply(MemberInput input, Member member)
    {
        member.Email = input.Email!.Trim();
        member.Name = input.Name!.Trim();
        member.Role = input.Role!.Value;
        member.TeamId = input.TeamId;
        if (input.Password is not null) member.PasswordHash = Passwords.HashPassword(member, input.Password);
    }

    private async Task<Member> LoadAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new RecordNotFoundException("member", id);
        ETags.CheckIfMatch(ifMatch, member.Version);
        return member;
    }
}
