using System.Collections.Concurrent;
using System.Linq.Expressions;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// What the shared record use cases (get, list, search, archive, restore) need to know of one resource: its scopes,
/// its projection to the public shape, and the fields it filters and sorts on.
/// </summary>
public sealed class RecordType<TEntity, TDto> where TEntity : CrmRecord where TDto : IVersioned
{
    public required string Name { get; init; }
    public required string Plural { get; init; }
    public required string ReadScope { get; init; }
    public required string WriteScope { get; init; }
    public required Expression<Func<TEntity, TDto>> Projection { get; init; }
    public required FilterSchema<TEntity> Filters { get; init; }
    public required SortSchema<TEntity> Sorts { get; init; }
    public IReadOnlyList<ListParameter> Parameters { get; init; } = [];

    /// <summary>What to load with a record about to change, so its projection (and its events' snapshots) are whole.</summary>
    public Func<IQueryable<TEntity>, IQueryable<TEntity>>? ForChange { get; init; }

    /// <summary>
    /// The projection cut down to these members of the public shape (by name; <c>Id</c> and <c>Version</c> always
    /// stay), for a reader that needs no more, e.g. a GraphQL selection: only their columns are read and materialised.
    /// The other members keep their defaults, so the result must not leave the reader that asked for it. Null: whole.
    /// </summary>
    public Expression<Func<TEntity, TDto>> ProjectionOf(RecordShape? shape) =>
        shape is null ? Projection : _narrowed.GetOrAdd(shape.Key, _ => Narrow(Projection, shape.Members));

    private readonly ConcurrentDictionary<string, Expression<Func<TEntity, TDto>>> _narrowed = new(StringComparer.Ordinal);

    private static Expression<Func<TEntity, TDto>> Narrow(Expression<Func<TEntity, TDto>> projection, IReadOnlySet<string> members)
    {
        var whole = (MemberInitExpression)projection.Body;
        var kept = whole.Bindings.Where(b => members.Contains(b.Member.Name) || b.Member.Name is nameof(IRecord.Id) or nameof(IVersioned.Version));
        return Expression.Lambda<Func<TEntity, TDto>>(Expression.MemberInit(whole.NewExpression, kept), projection.Parameters);
    }

    /// <summary>The projection run in memory, for a record just saved (saves a read-back query).</summary>
    public Func<TEntity, TDto> Map => _map ??= Projection.Compile();

    private Func<TEntity, TDto>? _map;

    /// <summary>
    /// The record by id in its public shape, as a compiled query: EF skips evaluating the expression and looking up its
    /// query cache on every read. The tenant and visibility filters still apply (they read the context it runs on).
    /// </summary>
    public Func<CrmDbContext, Guid, CancellationToken, Task<TDto>> ById => _byId ??= CompileById(Projection);

    private Func<CrmDbContext, Guid, CancellationToken, Task<TDto>>? _byId;

    private static Func<CrmDbContext, Guid, CancellationToken, Task<TDto>> CompileById(Expression<Func<TEntity, TDto>> projection)
    {
        Expression<Func<CrmDbContext, Guid, IQueryable<TEntity>>> record = (db, id) => db.Set<TEntity>().AsNoTracking().Where(e => e.Id == id);
        var shaped = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TEntity), typeof(TDto)], record.Body, Expression.Quote(projection));
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TDto)], shaped);
        var parameters = record.Parameters.Append(Expression.Parameter(typeof(CancellationToken), "ct"));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<CrmDbContext, Guid, CancellationToken, TDto>>(first, parameters));
    }
}
