using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Execution.DataLoading;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// The DataLoaders behind every relation: each reads through <see cref="RecordReader"/> (scope, workspace and visibility
/// filters included), one statement per relation and list level whatever the number of parents, and only the members
/// the selection reads (<see cref="SelectedShape"/>): a loader is per shape, so no record read short is handed to a
/// selection that needs more.
/// </summary>
public static class RecordLoaders
{
    /// <summary>The record of this id, or null when it does not exist for the caller.</summary>
    public static Deferred<TDto?> LoadRecord<TEntity, TDto>(this IResolveContext context, RecordType<TEntity, TDto> type, Guid id)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord =>
        Loader(context, type).Load(id);

    /// <summary>The visible ones of these records, in the order of the ids.</summary>
    public static Deferred<IReadOnlyList<TDto>> LoadRecords<TEntity, TDto>(
        this IResolveContext context, RecordType<TEntity, TDto> type, IEnumerable<Guid> ids)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        var loader = Loader(context, type);
        return new AllOf<TDto>(ids.Select(loader.Load).ToList());
    }

    /// <summary>
    /// This parent's page of a relation: one statement for the pages of all the parents of the level, and, when
    /// <c>totalCount</c> is selected, one more for all their counts.
    /// </summary>
    public static Deferred<Connection<TDto>> LoadPage<TOwner, TEntity, TDto>(this IResolveContext context, Relation<TOwner, TEntity, TDto> relation, Guid ownerId)
        where TOwner : TenantEntity where TEntity : CrmRecord where TDto : IVersioned
    {
        var first = Relations.First(context);
        var after = Relations.After(context, relation.Sort.Name);
        var shape = SelectedShape.Of<TDto>(context);
        var pages = context.DataLoader<Guid, Page<TDto>>($"{relation.Name}/{first}/{after?.Encode()}/{shape?.Key}",
            (ids, ct) => context.Service<RecordReader>().PageByOwnersAsync<TOwner, TEntity, TDto>(
                relation.Type, relation.Belongs, ids, relation.Sort, after, first, ct, shape));
        return pages.Load(ownerId).Then(page => new Connection<TDto>(page ?? new Page<TDto>([], null), () =>
            context.DataLoader<Guid, int>($"{relation.Name}/count",
                (ids, ct) => context.Service<RecordReader>().CountByOwnersAsync<TOwner, TEntity, TDto>(relation.Type, relation.Belongs, ids, ct)).Load(ownerId)));
    }

    public static T Service<T>(this IResolveContext context) where T : notnull => context.Services.GetRequiredService<T>();

    private static BatchDataLoader<Guid, TDto> Loader<TEntity, TDto>(IResolveContext context, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        var shape = SelectedShape.Of<TDto>(context);
        return context.DataLoader<Guid, TDto>($"{type.Name}/{shape?.Key}", (ids, ct) => context.Service<RecordReader>().GetManyAsync(type, ids, ct, shape));
    }

    /// <summary>Several loads of one batch seen as one list, leaving out what was not found.</summary>
    private sealed class AllOf<T>(IReadOnlyList<Deferred<T?>> parts) : Deferred<IReadOnlyList<T>>
    {
        public override bool IsCompleted => parts.All(p => p.IsCompleted);

        public override IReadOnlyList<T> Result => parts.Select(p => p.Result).OfType<T>().ToList();
    }
}
