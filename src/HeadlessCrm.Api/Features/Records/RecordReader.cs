using System.Linq.Expressions;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
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
        var context = await customFields.FilterContextAsync(request, ct);
        var query = Filtered(type, source, request, context);
        var (key, descending) = type.Sorts.Resolve(request.Sort, context);
        var cursor = request.Cursor is null ? null : Cursor.Decode(request.Cursor);
        return await key.PageAsync(query, type.Projection, descending, cursor, request.Limit, ct);
    }

    /// <summary>How many records the list of <paramref name="request"/> holds over all its pages.</summary>
    public async Task<int> CountAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, ListRequest request, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        var context = await customFields.FilterContextAsync(request, ct);
        return await Filtered(type, db.Set<TEntity>().AsNoTracking(), request, context).CountAsync(ct);
    }

    /// <summary>The records of these ids the caller can see, in one statement (what GraphQL's DataLoaders batch into).</summary>
    public async Task<IReadOnlyDictionary<Guid, TDto>> GetManyAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, IReadOnlyCollection<Guid> ids, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        caller.Demand(type.ReadScope);
        var rows = await db.Set<TEntity>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(type.Projection).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id);
    }

    /// <summary>
    /// The live records related to many owners at once (the contacts of 100 companies), at most
    /// <paramref name="perOwner"/> each, newest by <paramref name="order"/> first: one statement, each owner row joined
    /// laterally to its own ordered, limited subquery (both under the tenant and visibility filters).
    /// </summary>
    public async Task<ILookup<Guid, TDto>> ListByOwnersAsync<TOwner, TEntity, TDto, TOrder>(
        RecordType<TEntity, TDto> type, Expression<Func<TEntity, Guid?>> owner, IReadOnlyCollection<Guid> ownerIds,
        Expression<Func<TEntity, TOrder>> order, int perOwner, CancellationToken ct)
        where TOwner : TenantEntity where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        var owners = db.Set<TOwner>().AsNoTracking().Where(o => ownerIds.Contains(o.Id));
        var rows = await owners.SelectMany(NewestOf<TOwner, TEntity, TDto, TOrder>(type.Projection, owner, order, perOwner)).ToListAsync(ct);
        return rows.ToLookup(r => r.Owner, r => r.Item);
    }

    private sealed record OwnedRow<TDto>(Guid Owner, TDto Item);

    /// <summary>
    /// r => Set.Where(x => x.ArchivedAt == null &amp;&amp; owner(x) == r.Id).OrderByDescending(order).ThenByDescending(x => x.Id)
    /// .Take(count).Select(x => new OwnedRow(r.Id, projection(x))).
    /// </summary>
    private Expression<Func<TOwner, IEnumerable<OwnedRow<TDto>>>> NewestOf<TOwner, TEntity, TDto, TOrder>(
        Expression<Func<TEntity, TDto>> projection, Expression<Func<TEntity, Guid?>> owner, Expression<Func<TEntity, TOrder>> order, int count)
        where TOwner : TenantEntity where TEntity : CrmRecord
    {
        var ownerRow = Expression.Parameter(typeof(TOwner), "r");
        var o = Expression.Property(ownerRow, nameof(TenantEntity.Id));
        var x = owner.Parameters[0];
        var live = Expression.Equal(Expression.Property(x, nameof(CrmRecord.ArchivedAt)), Expression.Constant(null, typeof(DateTime?)));
        var owned = Expression.Equal(owner.Body, Expression.Convert(o, typeof(Guid?)));
        var where = Expression.Lambda<Func<TEntity, bool>>(Expression.AndAlso(live, owned), x);
        Expression<Func<TEntity, Guid>> id = e => e.Id;

        var e = projection.Parameters[0];
        var select = Expression.Lambda<Func<TEntity, OwnedRow<TDto>>>(
            Expression.New(typeof(OwnedRow<TDto>).GetConstructors()[0], o, projection.Body), e);

        Expression query = ((IQueryable)db.Set<TEntity>()).Expression;
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TEntity)], query, Expression.Quote(where));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.OrderByDescending), [typeof(TEntity), typeof(TOrder)], query, Expression.Quote(order));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.ThenByDescending), [typeof(TEntity), typeof(Guid)], query, Expression.Quote(id));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(TEntity)], query, Expression.Constant(count));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TEntity), typeof(OwnedRow<TDto>)], query, Expression.Quote(select));
        return Expression.Lambda<Func<TOwner, IEnumerable<OwnedRow<TDto>>>>(query, ownerRow);
    }

    private IQueryable<TEntity> Filtered<TEntity, TDto>(
        RecordType<TEntity, TDto> type, IQueryable<TEntity> source, ListRequest request, FilterContext context)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        var query = request.Archived ? source.Where(e => e.ArchivedAt != null) : source.Where(e => e.ArchivedAt == null);
        return request.Filter is null ? query : query.Where(type.Filters.Compile(request.Filter, context));
    }
}
