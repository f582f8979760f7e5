namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `extend interface` (spec §3.7.1).</summary>
public sealed class InterfaceTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields, Location location = default) : TypeExtensionNode(name, directives, location)
{
    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;
    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        foreach (var child in Directives) yield return child;
        foreach (var child in Interfaces) yield return child;
        foreach (var child in Fields) yield return child;
    }
}
