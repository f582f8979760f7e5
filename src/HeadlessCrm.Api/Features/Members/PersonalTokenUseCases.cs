using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>Personal access tokens: made by an admin for a member, with at most the member's role's scopes.</summary>
public sealed class PersonalTokenUseCases(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    public async Task<IssuedPersonalTokenDto> IssueAsync(Guid memberId, PersonalTokenInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new RecordNotFoundException("member", memberId);
        var allowed = RoleScopes.For(member.Role);
        var now = clock.GetUtcNow().UtcDateTime;
        var scopes = input.Scopes ?? [];
        new RuleCheck()
            .Required(input.Name, "name").Text(input.Name, "name", 100)
            .Must(scopes.Length > 0, "scopes", "Name at least one scope.")
            .Must(scopes.All(allowed.Contains), "scopes", $"A {member.Role.ToString().ToLowerInvariant()} may have: {string.Join(' ', allowed)}.")
            .Must(input.ExpiresAt is null || input.ExpiresAt > now, "expiresAt", "In the future.")
            .Must(member.ArchivedAt is null, "memberId", "The member is archived.")
            .ThrowIfBroken();

        var token = SecretTokens.New(PersonalAccessToken.Prefix);
        var pat = new PersonalAccessToken
        {
            MemberId = memberId,
            Name = input.Name!.Trim(),
            TokenHash = SecretTokens.Hash(token),
            Scopes = scopes.Distinct().ToArray(),
            ExpiresAt = input.ExpiresAt,
        };
        db.PersonalAccessTokens.Add(pat);
        await db.SaveChangesAsync(ct);
        return new IssuedPersonalTokenDto(Dto(pat), token);
    }

    public async Task<IReadOnlyList<PersonalTokenDto>> ListAsync(Guid memberId, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        return await db.PersonalAccessTokens.AsNoTracking().Where(t => t.MemberId == memberId).OrderBy(t => t.CreatedAt)
            .Select(t => new PersonalTokenDto(t.Id, t.MemberId, t.Name, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
    }

    /// <summary>Revocation takes effect on the next request: tokens are looked up on every use.</summary>
    public async Task RevokeAsync(Guid memberId, Guid tokenId, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var pat = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.MemberId == memberId, ct)
            ?? throw new RecordNotFoundException("token", tokenId);
        pat.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static PersonalTokenDto Dto(PersonalAccessToken t) =>
        new(t.Id, t.MemberId, t.Name, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
