using HeadlessCrm.GraphQL.Language;

namespace HeadlessCrm.GraphQL;

/// <summary>
/// An error as the response reports it (spec §7.1.2): a message, the document locations it refers to,
/// the response path of the field that failed, and free-form extensions such as a machine-readable code.
/// </summary>
public sealed class GraphQLError(
    string message,
    IReadOnlyList<SourceLocation>? locations = null,
    IReadOnlyList<object>? path = null,
    IReadOnlyDictionary<string, object?>? extensions = null,
    Exception? originalException = null)
{
    public string Message { get; } = message;

    public IReadOnlyList<SourceLocation> Locations { get; } = locations ?? [];

    /// <summary>Response keys (string) and list indices (int) from the root to the failed field.</summary>
    public IReadOnlyList<object>? Path { get; } = path;

    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;

    /// <summary>The exception the error came from, for logging; never serialised.</summary>
    public Exception? OriginalException { get; } = originalException;

    public GraphQLError WithPath(IReadOnlyList<object> path, IReadOnlyList<SourceLocation> locations) =>
        new(Message, Locations.Count > 0 ? Locations : locations, path, Extensions, OriginalException);

    public override string ToString() =>
        Locations.Count == 0 ? Message : $"{Message} ({string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))})";
}
