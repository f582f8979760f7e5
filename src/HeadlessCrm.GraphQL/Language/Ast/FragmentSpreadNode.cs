namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `...Name` spread of a named fragment (spec §2.8).</summary>
public sealed class FragmentSpreadNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location location = default) : SelectionNode(location)
{
    public NameNode Name { get; } = name;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        foreach (var child in Directives) yield return child;
    }
}
