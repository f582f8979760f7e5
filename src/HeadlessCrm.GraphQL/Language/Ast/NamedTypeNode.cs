namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A reference to a named type (spec §2.11).</summary>
public sealed class NamedTypeNode(NameNode name, Location location = default) : TypeNode(location)
{
    public NameNode Name { get; } = name;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
    }
}
