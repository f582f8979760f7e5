namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A named type definition (spec §3.4).</summary>
public abstract class TypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, Location location)
    : TypeSystemDefinitionNode(location)
{
    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
