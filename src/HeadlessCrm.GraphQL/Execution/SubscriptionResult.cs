namespace HeadlessCrm.GraphQL.Execution;

/// <summary>The outcome of subscribing (spec §6.2.3): a stream of responses, or a single response with the errors that prevented it.</summary>
public sealed class SubscriptionResult
{
    public IAsyncEnumerable<ExecutionResult>? Stream { get; init; }

    public ExecutionResult? Failure { get; init; }

    public static SubscriptionResult Failed(ExecutionResult failure) => new() { Failure = failure };
}
