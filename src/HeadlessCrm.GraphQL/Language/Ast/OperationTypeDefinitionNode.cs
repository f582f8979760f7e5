namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>One `query: Type` entry of a schema definition (spec §3.3.1).</summary>
public sealed class OperationTypeDefinitionNode(OperationType operation, NamedTypeNode @type, Location location = default) : SyntaxNode(location)
{
    public OperationType Operation { get; } = operation;
    public NamedTypeNode Type { get; } = @type;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Type;
    }
}
