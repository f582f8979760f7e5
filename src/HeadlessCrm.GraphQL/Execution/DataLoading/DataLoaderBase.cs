namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>What the request's <see cref="DataLoaderRegistry"/> needs of any loader: to know of pending keys and to dispatch them.</summary>
public abstract class DataLoaderBase
{
    internal DataLoaderRegistry? Registry { get; set; }

    public abstract bool HasPendingKeys { get; }

    /// <summary>Loads every pending key, in batches, and completes their deferred values.</summary>
    internal abstract Task DispatchAsync(CancellationToken cancellationToken);
}
