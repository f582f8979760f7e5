namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An inline `... on Type { }` fragment (spec §2.8.2).</summary>
public sealed class InlineFragmentNode(NamedTypeNode? typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, Location location = default) : SelectionNode(location)
{
    public NamedTypeNode? TypeCondition { get; } = typeCondition;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public SelectionSetNode SelectionSet { get; } = selectionSet;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (TypeCondition is not null) yield return TypeCondition;
        foreach (var child in Directives) yield return child;
        yield return SelectionSet;
    }
}
