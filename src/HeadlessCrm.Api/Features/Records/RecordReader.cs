using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// Get, list and search for every record type. Queries go through the DbContext's tenant and visibility filters, so
/// a record of another workspace, or one the caller may not see, is simply not there.
/// </summary>
public sealed class RecordReader(CrmDbContext db, RequestContext caller, CustomFieldCatalog customFields)
{
    public async Task<TDto> GetAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, Guid id, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        return await db.Set<TEntity>().AsNoTracking().Where(e => e.Id == id).Select(type.Projection).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException(type.Name, id);
    }

    public Task<Page<TDto>> ListAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, ListRequest request, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned =>
        ListAsync(type, db.Set<TEntity>().AsNoTracking(), request, ct);

    /// <summary>Lists a subset (e.g. one company's contacts) with the same filters, sorts and paging as the full list.</summary>
    public async Task<Page<TDto>> ListAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, IQueryable<TEntity> source, ListRequest request, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        var context = await customFields.FilterContextAsync(request, ct);
        var query = request.Archived ? source.Where(e => e.ArchivedAt != null) : source.Where(e => e.ArchivedAt == null);
        if (request.Filter is not null) query = query.Where(type.Filters.Compile(request.Filter, context));
        var (key, descending) = type.Sorts.Resolve(request.Sort, context);
        var cursor = request.Cursor is null ? null : Cursor.Decode(request.Cursor);
        return await key.PageAsync(query, type.Projection, descending, cursor, request.Limit, ct);
    }
}
