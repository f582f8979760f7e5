using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Infrastructure.Access;

public static class VisibleOwners
{
    /// <summary>
    /// The owners whose records the caller sees, as the visibility filter has it: null for the whole workspace, else the
    /// caller and, for a manager, their team. For the security-definer functions that take an owner list
    /// (crm_search_top, crm_similar_company_names): it only narrows what they read; the DbContext filters still apply.
    /// </summary>
    public static async Task<Guid[]?> VisibleOwnersAsync(this CrmDbContext db, RequestContext caller, CancellationToken ct)
    {
        if (caller.SeesWholeWorkspace) return null;
        var owners = new List<Guid> { caller.MemberId!.Value };
        if (caller.VisibleTeamId is { } team)
            owners.AddRange(await db.Members.AsNoTracking().Where(m => m.TeamId == team).Select(m => m.Id).ToListAsync(ct));
        return owners.Distinct().ToArray();
    }
}
