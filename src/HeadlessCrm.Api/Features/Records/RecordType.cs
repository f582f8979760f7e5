using System.Linq.Expressions;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;

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

    /// <summary>The projection run in memory, for a record just saved (saves a read-back query).</summary>
    public Func<TEntity, TDto> Map => _map ??= Projection.Compile();

    private Func<TEntity, TDto>? _map;
}
