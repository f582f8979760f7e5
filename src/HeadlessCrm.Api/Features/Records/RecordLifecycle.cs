using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>Archive (what DELETE does: the record leaves lists but can be restored) and restore, for every record type.</summary>
public sealed class RecordLifecycle(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    public Task<TDto> ArchiveAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, Guid id, string? ifMatch, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned =>
        ChangeAsync(type, id, ifMatch, e => e.ArchivedAt ??= clock.GetUtcNow().UtcDateTime, ct);

    public Task<TDto> RestoreAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, Guid id, string? ifMatch, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned =>
        ChangeAsync(type, id, ifMatch, e => e.ArchivedAt = null, ct);

    /// <summary>Loads the record for change, honouring If-Match, and saves it; what the caller cannot see is not found.</summary>
    public async Task<TEntity> LoadForChangeAsync<TEntity>(
        string name, Guid id, string? ifMatch, CancellationToken ct, Func<IQueryable<TEntity>, IQueryable<TEntity>>? include = null)
        where TEntity : CrmRecord
    {
        var query = include is null ? db.Set<TEntity>() : include(db.Set<TEntity>());
        var entity = await query.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new RecordNotFoundException(name, id);
        ETags.CheckIfMatch(ifMatch, entity.Version);
        return entity;
    }

    private async Task<TDto> ChangeAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, Guid id, string? ifMatch, Action<TEntity> change, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.WriteScope);
        var entity = await LoadForChangeAsync(type.Name, id, ifMatch, ct, type.ForChange);
        change(entity);
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        return type.Map(entity);
    }
}
