namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>A group loader made from a function, as created by <c>ctx.GroupDataLoader(name, fn)</c>.</summary>
internal sealed class DelegateGroupDataLoader<TKey, TValue>(GroupLoadFunction<TKey, TValue> load) : GroupDataLoader<TKey, TValue>
    where TKey : notnull
{
    protected override Task<ILookup<TKey, TValue>> LoadGroupsAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
        load(keys, cancellationToken);
}
