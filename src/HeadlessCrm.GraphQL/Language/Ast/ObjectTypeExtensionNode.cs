namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `extend type` (spec §3.6.3).</summary>
public sealed class ObjectTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields, Location location = default) : TypeExtensionNode(name, directives, location)
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
