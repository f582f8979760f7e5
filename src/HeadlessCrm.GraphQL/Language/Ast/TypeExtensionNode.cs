namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An extension of a named type (spec §3.4.3).</summary>
public abstract class TypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location location)
    : TypeSystemExtensionNode(location)
{
    public NameNode Name { get; } = name;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
