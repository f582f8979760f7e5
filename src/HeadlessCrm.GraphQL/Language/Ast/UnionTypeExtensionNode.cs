namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `extend union` (spec §3.8.1).</summary>
public sealed class UnionTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> types, Location location = default) : TypeExtensionNode(name, directives, location)
{
    public IReadOnlyList<NamedTypeNode> Types { get; } = types;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        foreach (var child in Directives) yield return child;
        foreach (var child in Types) yield return child;
    }
}
