namespace HeadlessCrm.GraphQL;

/// <summary>A request as a transport receives it (GraphQL-over-HTTP "GraphQL-over-HTTP request parameters").</summary>
public sealed record GraphQLRequest
{
    public string? Query { get; init; }

    public string? OperationName { get; init; }

    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Request extensions, e.g. Apollo's <c>persistedQuery</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public object? RootValue { get; init; }
}
