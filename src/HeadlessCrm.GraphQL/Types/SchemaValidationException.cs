namespace HeadlessCrm.GraphQL.Types;

/// <summary>A schema that breaks the type system's rules (spec §3); lists every problem found.</summary>
public sealed class SchemaValidationException(IReadOnlyList<string> errors)
    : Exception("The schema is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
