namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>Loads many keys in one call; keys without a value may be left out of the result.</summary>
public delegate Task<IReadOnlyDictionary<TKey, TValue>> BatchLoadFunction<TKey, TValue>(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    where TKey : notnull;
