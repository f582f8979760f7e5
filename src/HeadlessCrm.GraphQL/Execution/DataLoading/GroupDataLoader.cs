namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>A loader of many values per key, for one-to-many relations. Subclass it to register a loader class.</summary>
public abstract class GroupDataLoader<TKey, TValue> : DataLoader<TKey, IReadOnlyList<TValue>>
    where TKey : notnull
{
    protected override IReadOnlyList<TValue> MissingValue => [];

    protected abstract Task<ILookup<TKey, TValue>> LoadGroupsAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var groups = await LoadGroupsAsync(keys, cancellationToken).ConfigureAwait(false);
        return groups.ToDictionary(g => g.Key, g => (IReadOnlyList<TValue>)[.. g]);
    }
}
