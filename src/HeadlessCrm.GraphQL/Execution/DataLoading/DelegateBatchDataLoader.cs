namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>A batch loader made from a function, as created by <c>ctx.DataLoader(name, fn)</c>.</summary>
internal sealed class DelegateBatchDataLoader<TKey, TValue>(BatchLoadFunction<TKey, TValue> load) : BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    protected override Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
        load(keys, cancellationToken);
}
