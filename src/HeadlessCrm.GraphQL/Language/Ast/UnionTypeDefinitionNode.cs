namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `union Name = A | B` definition (spec §3.8).</summary>
public sealed class UnionTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> types, Location location = default) : TypeDefinitionNode(description, name, directives, location)
{
    public IReadOnlyList<NamedTypeNode> Types { get; } = types;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        foreach (var child in Directives) yield return child;
        foreach (var child in Types) yield return child;
    }
}
