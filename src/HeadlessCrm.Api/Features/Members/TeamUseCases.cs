using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>Teams group members; a manager sees the records owned by the members of their team.</summary>
public sealed class TeamUseCases(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamDto>> ListAsync(bool archived, CancellationToken ct)
    {
        caller.Demand(Scopes.MembersRead);
        return await Project(db.Teams.AsNoTracking().Where(t => archived ? t.ArchivedAt != null : t.ArchivedAt == null))
            .OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
    }

    public async Task<TeamDto> GetAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.MembersRead);
        return await Project(db.Teams.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException("team", id);
    }

    public async Task<TeamDto> CreateAsync(TeamInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        Check(input);
        var team = new Team { Name = input.Name!.Trim() };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return await GetAsync(team.Id, ct);
    }

    public async Task<TeamDto> UpdateAsync(Guid id, string? ifMatch, JsonElement patch, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var team = await LoadAsync(id, ifMatch, ct);
        var input = MergePatch.Apply(new TeamInput(team.Name), patch);
        Check(input);
        team.Name = input.Name!.Trim();
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task ArchiveAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var team = await LoadAsync(id, ifMatch, ct);
        if (await db.Members.AnyAsync(m => m.TeamId == id && m.ArchivedAt == null, ct))
            throw new ConflictException("The team still has members; move them first.");
        team.ArchivedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private IQueryable<TeamDto> Project(IQueryable<Team> teams) => teams.Select(t => new TeamDto
    {
        Id = t.Id,
        Name = t.Name,
        MemberIds = db.Members.Where(m => m.TeamId == t.Id && m.ArchivedAt == null).OrderBy(m => m.Name).Select(m => m.Id).ToList(),
        CreatedAt = t.CreatedAt,
        UpdatedAt = t.UpdatedAt,
        ArchivedAt = t.ArchivedAt,
        Version = t.Version,
    });

    private static void Check(TeamInput input) => new RuleCheck().Required(input.Name, "name").Text(input.Name, "name", 200).ThrowIfBroken();

    private async Task<Team> LoadAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new RecordNotFoundException("team", id);
        ETags.CheckIfMatch(ifMatch, team.Version);
        return team;
    }
}
