using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>
/// Re-deliveries of a call or email find the activity logged under their external id. One the caller cannot see is
/// not found here; logging it again then meets the unique index and is a 409.
/// </summary>
public static class ExternalIds
{
    public static async Task<Activity?> FindAsync(CrmDbContext db, string? externalId, CancellationToken ct) =>
        externalId is null ? null : await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.ExternalId == externalId, ct);
}
