using System.Linq.Expressions;
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
public sealed class RecordReader(CrmDbContext db, RequestContext caller)
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
    public Task<Page<TDto>> ListAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, IQueryable<TEntity> source, ListRequest request, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        var query = Filtered(type, source, request);
        var (key, descending) = type.Sorts.Resolve(request.Sort);
        var cursor = request.Cursor is null ? null : Cursor.Decode(request.Cursor);
        return key.PageAsync(query, type.Projection, descending, cursor, request.Limit, ct);
    }

    /// <summary>How many records the list of <paramref name="request"/> holds over all its pages.</summary>
    public Task<int> CountAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, ListRequest request, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned =>
        Filtered(type, db.Set<TEntity>().AsNoTracking(), request).CountAsync(ct);

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
    /// <paramref name="perOwner"/> each, newest by <paramref name="order"/> first: one statement, ranked per owner.
    /// </summary>
    public async Task<ILookup<Guid, TDto>> ListByOwnersAsync<TEntity, TDto, TOrder>(
        RecordType<TEntity, TDto> type, Expression<Func<TEntity, Guid?>> owner, IReadOnlyCollection<Guid> ownerIds,
        Expression<Func<TEntity, TOrder>> order, int perOwner, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        var e = owner.Parameters[0];
        var ownerOf = Expression.Lambda<Func<TEntity, Guid>>(Expression.Convert(owner.Body, typeof(Guid)), e);
        var inOwners = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid?)],
                Expression.Constant(ownerIds.Select(id => (Guid?)id).ToList()), owner.Body), e);
        var rows = await db.Set<TEntity>().AsNoTracking()
            .Where(x => x.ArchivedAt == null)
            .Where(inOwners)
            .GroupBy(ownerOf)
            .SelectMany(NewestOfGroup(order, perOwner))
            .Select(Keyed(type.Projection, ownerOf))
            .ToListAsync(ct);
        return rows.ToLookup(r => r.Owner, r => r.Item);
    }

    /// <summary>g => g.OrderByDescending(order).ThenByDescending(x => x.Id).Take(count), which EF ranks per group.</summary>
    private static Expression<Func<IGrouping<Guid, TEntity>, IEnumerable<TEntity>>> NewestOfGroup<TEntity, TOrder>(
        Expression<Func<TEntity, TOrder>> order, int count) where TEntity : CrmRecord
    {
        var g = Expression.Parameter(typeof(IGrouping<Guid, TEntity>), "g");
        Expression<Func<TEntity, Guid>> id = x => x.Id;
        var ordered = Expression.Call(typeof(Enumerable), nameof(Enumerable.OrderByDescending), [typeof(TEntity), typeof(TOrder)], g, order);
        var thenById = Expression.Call(typeof(Enumerable), nameof(Enumerable.ThenByDescending), [typeof(TEntity), typeof(Guid)], ordered, id);
        var taken = Expression.Call(typeof(Enumerable), nameof(Enumerable.Take), [typeof(TEntity)], thenById, Expression.Constant(count));
        return Expression.Lambda<Func<IGrouping<Guid, TEntity>, IEnumerable<TEntity>>>(taken, g);
    }

    private sealed record OwnedRow<TDto>(Guid Owner, TDto Item);

    /// <summary>e => new OwnedRow(owner(e), projection(e)).</summary>
    private static Expression<Func<TEntity, OwnedRow<TDto>>> Keyed<TEntity, TDto>(
        Expression<Func<TEntity, TDto>> projection, Expression<Func<TEntity, Guid>> owner)
    {
        var e = projection.Parameters[0];
        var ownerBody = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(owner.Parameters[0], e, owner.Body);
        return Expression.Lambda<Func<TEntity, OwnedRow<TDto>>>(
            Expression.New(typeof(OwnedRow<TDto>).GetConstructors()[0], ownerBody, projection.Body), e);
    }

    private IQueryable<TEntity> Filtered<TEntity, TDto>(RecordType<TEntity, TDto> type, IQueryable<TEntity> source, ListRequest request)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        var query = request.Archived ? source.Where(e => e.ArchivedAt != null) : source.Where(e => e.ArchivedAt == null);
        return request.Filter is null ? query : query.Where(type.Filters.Compile(request.Filter));
    }
}
