using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

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
        var record = await type.ById(db, id, ct);
        return record is null ? throw new RecordNotFoundException(type.Name, id) : record;
    }

    /// <summary>A page of the list; with a <paramref name="shape"/>, only those members of each record are read.</summary>
    public Task<Page<TDto>> ListAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, ListRequest request, CancellationToken ct, RecordShape? shape = null)
        where TEntity : CrmRecord where TDto : IVersioned =>
        ListAsync(type, db.Set<TEntity>().AsNoTracking(), request, ct, shape);

    /// <summary>Lists a subset (e.g. one company's contacts) with the same filters, sorts and paging as the full list.</summary>
    public async Task<Page<TDto>> ListAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, IQueryable<TEntity> source, ListRequest request, CancellationToken ct, RecordShape? shape = null)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        var context = await customFields.FilterContextAsync(request, ct);
        var query = await FilteredAsync(type, source, request, context, ct);
        var (key, descending) = type.Sorts.Resolve(request.Sort, context);
        var cursor = request.Cursor is null ? null : Cursor.Decode(request.Cursor);
        return await key.PageAsync(query, type.ProjectionOf(shape), descending, cursor, request.Limit, ct);
    }

    /// <summary>How many records the list of <paramref name="request"/> holds over all its pages.</summary>
    public async Task<int> CountAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, ListRequest request, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        var context = (await customFields.FilterContextAsync(request, ct)).ForCount();
        return await (await FilteredAsync(type, db.Set<TEntity>().AsNoTracking(), request, context, ct)).CountAsync(ct);
    }

    /// <summary>The records of these ids the caller can see, in one statement (what GraphQL's DataLoaders batch into).</summary>
    public async Task<IReadOnlyDictionary<Guid, TDto>> GetManyAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, IReadOnlyCollection<Guid> ids, CancellationToken ct, RecordShape? shape = null)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        caller.Demand(type.ReadScope);
        var rows = await db.Set<TEntity>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(type.ProjectionOf(shape)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id);
    }

    /// <summary>
    /// A page of the live records related to each of many owners (the contacts of 100 companies) in one statement: each
    /// owner row joined laterally to its own subquery, newest first by <paramref name="sort"/> then id, past
    /// <paramref name="after"/> when given, limited to <paramref name="first"/> + 1 (to know whether more follow) —
    /// owners and related records both under the tenant and visibility filters.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Page<TDto>>> PageByOwnersAsync<TOwner, TEntity, TDto>(
        RecordType<TEntity, TDto> type, Expression<Func<TEntity, Guid, bool>> belongs, IReadOnlyCollection<Guid> ownerIds,
        SortKey<TEntity, DateTime> sort, Cursor? after, int first, CancellationToken ct, RecordShape? shape = null)
        where TOwner : TenantEntity where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        var owners = db.Set<TOwner>().AsNoTracking().Where(o => ownerIds.Contains(o.Id));
        var rows = await owners.SelectMany(NewestOf<TOwner, TEntity, TDto>(type.ProjectionOf(shape), belongs, sort, after, first + 1))
            .OrderBy(r => r.Owner).ThenByDescending(r => r.At).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Owner).ToDictionary(g => g.Key, g => PageOf(g.ToList(), sort.Name, first));
    }

    /// <summary>How many live related records each owner has that the caller can see, in one statement.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> CountByOwnersAsync<TOwner, TEntity, TDto>(
        RecordType<TEntity, TDto> type, Expression<Func<TEntity, Guid, bool>> belongs, IReadOnlyCollection<Guid> ownerIds, CancellationToken ct)
        where TOwner : TenantEntity where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        var ownerRow = Expression.Parameter(typeof(TOwner), "r");
        var related = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(TEntity)], RelatedTo(belongs, ownerRow));
        var select = Expression.Lambda<Func<TOwner, OwnerCount>>(Expression.MemberInit(Expression.New(typeof(OwnerCount)),
            Expression.Bind(typeof(OwnerCount).GetProperty(nameof(OwnerCount.Owner))!, Expression.Property(ownerRow, nameof(TenantEntity.Id))),
            Expression.Bind(typeof(OwnerCount).GetProperty(nameof(OwnerCount.Count))!, related)), ownerRow);
        var counts = await db.Set<TOwner>().AsNoTracking().Where(o => ownerIds.Contains(o.Id)).Select(select).ToListAsync(ct);
        return counts.ToDictionary(c => c.Owner, c => c.Count);
    }

    /// <summary>Member-initialised (not positional) so EF can order by its members after the lateral join.</summary>
    private sealed class OwnedRow<TDto>
    {
        public Guid Owner { get; init; }
        public DateTime At { get; init; }
        public Guid Id { get; init; }
        public TDto Item { get; init; } = default!;
    }

    private sealed class OwnerCount
    {
        public Guid Owner { get; init; }
        public int Count { get; init; }
    }

    private static Page<TDto> PageOf<TDto>(List<OwnedRow<TDto>> rows, string sortName, int first)
    {
        var more = rows.Count > first;
        if (more) rows.RemoveAt(first);
        var cursors = rows.Select(r => new Cursor(sortName, JsonValue.Create(r.At), r.Id)).ToList();
        return new Page<TDto>(rows.Select(r => r.Item).ToList(), more ? cursors[^1].Encode() : null) { ItemCursors = cursors };
    }

    /// <summary>
    /// r => RelatedTo(r).Where(after).OrderByDescending(sort).ThenByDescending(x => x.Id).Take(count)
    /// .Select(x => new OwnedRow { Owner = r.Id, At = sort(x), Id = x.Id, Item = projection(x) }).
    /// </summary>
    private Expression<Func<TOwner, IEnumerable<OwnedRow<TDto>>>> NewestOf<TOwner, TEntity, TDto>(
        Expression<Func<TEntity, TDto>> projection, Expression<Func<TEntity, Guid, bool>> belongs,
        SortKey<TEntity, DateTime> sort, Cursor? after, int count)
        where TOwner : TenantEntity where TEntity : CrmRecord
    {
        var ownerRow = Expression.Parameter(typeof(TOwner), "r");
        Expression<Func<TEntity, Guid>> id = e => e.Id;
        var query = RelatedTo(belongs, ownerRow);
        if (after is not null)
            query = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TEntity)], query, Expression.Quote(sort.After(after, descending: true)));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.OrderByDescending), [typeof(TEntity), typeof(DateTime)], query, Expression.Quote(sort.Key));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.ThenByDescending), [typeof(TEntity), typeof(Guid)], query, Expression.Quote(id));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(TEntity)], query, Expression.Constant(count));

        var e = projection.Parameters[0];
        var row = typeof(OwnedRow<TDto>);
        var select = Expression.Lambda<Func<TEntity, OwnedRow<TDto>>>(Expression.MemberInit(Expression.New(row),
            Expression.Bind(row.GetProperty(nameof(OwnedRow<TDto>.Owner))!, Expression.Property(ownerRow, nameof(TenantEntity.Id))),
            Expression.Bind(row.GetProperty(nameof(OwnedRow<TDto>.At))!, ReplacingExpressionVisitor.Replace(sort.Key.Parameters[0], e, sort.Key.Body)),
            Expression.Bind(row.GetProperty(nameof(OwnedRow<TDto>.Id))!, Expression.Property(e, nameof(TenantEntity.Id))),
            Expression.Bind(row.GetProperty(nameof(OwnedRow<TDto>.Item))!, projection.Body)), e);
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TEntity), row], query, Expression.Quote(select));
        return Expression.Lambda<Func<TOwner, IEnumerable<OwnedRow<TDto>>>>(query, ownerRow);
    }

    /// <summary>Set&lt;TEntity&gt;().Where(x => x.ArchivedAt == null &amp;&amp; belongs(x, r.Id)), correlated to the owner row r.</summary>
    private Expression RelatedTo<TEntity>(Expression<Func<TEntity, Guid, bool>> belongs, ParameterExpression ownerRow) where TEntity : CrmRecord
    {
        var x = belongs.Parameters[0];
        var live = Expression.Equal(Expression.Property(x, nameof(CrmRecord.ArchivedAt)), Expression.Constant(null, typeof(DateTime?)));
        var owned = ReplacingExpressionVisitor.Replace(belongs.Parameters[1], Expression.Property(ownerRow, nameof(TenantEntity.Id)), belongs.Body);
        var where = Expression.Lambda<Func<TEntity, bool>>(Expression.AndAlso(live, owned), x);
        return Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TEntity)], ((IQueryable)db.Set<TEntity>()).Expression, Expression.Quote(where));
    }

    private async Task<IQueryable<TEntity>> FilteredAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, IQueryable<TEntity> source, ListRequest request, FilterContext context, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(type.ReadScope);
        var query = request.Archived ? source.Where(e => e.ArchivedAt != null) : source.Where(e => e.ArchivedAt == null);
        return request.Filter is null ? query : query.Where(await type.Filters.CompileAsync(request.Filter, context, ct));
    }
}
