using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>What executing a (validated) document needs (spec §6.1 ExecuteRequest).</summary>
public sealed record ExecutionArgs(Schema Schema, DocumentNode Document)
{
    public string? OperationName { get; init; }

    /// <summary>Raw variable values as the transport gave them: plain values, dictionaries and lists, or JsonElements.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    public object? RootValue { get; init; }

    public RequestContext Context { get; init; } = new();

    public ExecutionOptions Options { get; init; } = ExecutionOptions.Default;
}
