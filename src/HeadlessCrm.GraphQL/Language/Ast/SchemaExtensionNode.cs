namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `extend schema` (spec §3.3.2).</summary>
public sealed class SchemaExtensionNode(IReadOnlyList<DirectiveNode> directives, IReadOnlyList<OperationTypeDefinitionNode> operationTypes, Location location = default) : TypeSystemExtensionNode(location)
{
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; } = operationTypes;

    public override IEnumerable<SyntaxNode> Children()
    {
        foreach (var child in Directives) yield return child;
        foreach (var child in OperationTypes) yield return child;
    }
}
