namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>A deferred value seen through a mapping function.</summary>
internal sealed class MappedDeferred<TIn, TOut>(Deferred<TIn> source, Func<TIn, TOut> map) : Deferred<TOut>
{
    public override bool IsCompleted => source.IsCompleted;

    public override TOut Result => map(source.Result);
}
