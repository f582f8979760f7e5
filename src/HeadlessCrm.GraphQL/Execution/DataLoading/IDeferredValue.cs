namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>
/// A value a resolver returns before it exists: the executor parks the field, dispatches every pending batch once
/// no other work is left, and completes the field afterwards. This is what lets N list items share one batch.
/// </summary>
public interface IDeferredValue
{
    bool IsCompleted { get; }

    /// <summary>The value, or the batch's exception rethrown; only valid once completed.</summary>
    object? GetResult();
}
