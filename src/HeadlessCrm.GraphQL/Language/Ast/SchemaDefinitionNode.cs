namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `schema { query: ... }` definition (spec §3.3).</summary>
public sealed class SchemaDefinitionNode(StringValueNode? description, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<OperationTypeDefinitionNode> operationTypes, Location location = default) : TypeSystemDefinitionNode(location)
{
    public StringValueNode? Description { get; } = description;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; } = operationTypes;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        foreach (var child in Directives) yield return child;
        foreach (var child in OperationTypes) yield return child;
    }
}
