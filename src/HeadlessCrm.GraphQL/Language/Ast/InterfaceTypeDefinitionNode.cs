namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `interface Name` definition (spec §3.7).</summary>
public sealed class InterfaceTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields, Location location = default) : TypeDefinitionNode(description, name, directives, location)
{
    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;
    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        foreach (var child in Directives) yield return child;
        foreach (var child in Interfaces) yield return child;
        foreach (var child in Fields) yield return child;
    }
}
