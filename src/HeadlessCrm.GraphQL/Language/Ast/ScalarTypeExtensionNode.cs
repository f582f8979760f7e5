namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `extend scalar` (spec §3.5.1).</summary>
public sealed class ScalarTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location location = default) : TypeExtensionNode(name, directives, location)
{

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        foreach (var child in Directives) yield return child;
    }
}
