namespace HeadlessCrm.GraphQL;

/// <summary>
/// Thrown by a resolver (or by the engine) to report an error whose message is safe to show to the client,
/// optionally with extensions such as <c>code</c>. Other exceptions are masked unless an error filter maps them.
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException(string message, string? code = null, IReadOnlyDictionary<string, object?>? extensions = null, Exception? innerException = null)
        : base(message, innerException)
    {
        var merged = extensions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(extensions);
        if (code is not null)
        {
            merged["code"] = code;
        }

        Extensions = merged.Count == 0 ? null : merged;
    }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    public GraphQLError ToError() => new(Message, extensions: Extensions, originalException: this);
}
