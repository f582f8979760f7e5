using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// Checks that a record an input points at is one the caller may see. That it exists in the workspace at all is
/// the database's job: every reference is a (workspace_id, id) foreign key, whose violation becomes a 422.
/// </summary>
public sealed class RecordReferences(CrmDbContext db, RequestContext caller)
{
    public async Task EnsureVisibleAsync<TEntity>(Guid? id, string field, CancellationToken ct) where TEntity : CrmRecord
    {
        if (id is null || caller.SeesWholeWorkspace) return;
        if (!await db.Set<TEntity>().AnyAsync(e => e.Id == id, ct))
            throw new RuleViolationException(field, "Does not refer to a record you can see.");
    }
}
