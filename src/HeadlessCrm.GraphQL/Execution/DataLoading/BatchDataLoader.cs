namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>A loader of one value per key, e.g. a contact's company. Subclass it to register a loader class.</summary>
public abstract class BatchDataLoader<TKey, TValue> : DataLoader<TKey, TValue?>
    where TKey : notnull
{
    protected override TValue? MissingValue => default;

    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected override async Task<IReadOnlyDictionary<TKey, TValue?>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var values = await LoadBatchAsync(keys, cancellationToken).ConfigureAwait(false);
        return values.ToDictionary(p => p.Key, p => (TValue?)p.Value);
    }
}
