namespace HeadlessCrm.GraphQL.Execution;

/// <summary>An input value that cannot be coerced to its type, with the path inside the value where it failed.</summary>
internal sealed class InputError(string message, string path) : Exception(message)
{
    public string Path { get; } = path;
}
