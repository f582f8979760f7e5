namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>Loads the related values of many keys in one call, e.g. the activities of many contacts.</summary>
public delegate Task<ILookup<TKey, TValue>> GroupLoadFunction<TKey, TValue>(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    where TKey : notnull;
