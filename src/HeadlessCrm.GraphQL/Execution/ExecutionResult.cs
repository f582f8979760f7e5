namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// The response of one operation (spec §7.1): <c>data</c> (absent when execution never started, null when a null
/// reached the root), the errors, and extensions.
/// </summary>
public sealed class ExecutionResult
{
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new() { Errors = errors };

    /// <summary>The result map, or null; meaningless unless <see cref="HasData"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    /// <summary>Whether execution started, so the response has a <c>data</c> entry (possibly null).</summary>
    public bool HasData { get; init; }

    public IReadOnlyList<GraphQLError>? Errors { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public string ToJson(bool indented = false) => ExecutionResultWriter.ToJson(this, indented);
}
