namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>A value a DataLoader will fill in when its batch is dispatched; see <see cref="IDeferredValue"/>.</summary>
public abstract class Deferred<T> : IDeferredValue
{
    public abstract bool IsCompleted { get; }

    public abstract T Result { get; }

    object? IDeferredValue.GetResult() => Result;

    /// <summary>Maps the value once it is loaded, e.g. <c>loader.Load(id).Then(company => company?.Name)</c>.</summary>
    public Deferred<TOut> Then<TOut>(Func<T, TOut> map) => new MappedDeferred<T, TOut>(this, map);
}
