namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A named fragment definition (spec §2.8).</summary>
public sealed class FragmentDefinitionNode(StringValueNode? description, NameNode name, NamedTypeNode typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, Location location = default) : ExecutableDefinitionNode(location)
{
    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public NamedTypeNode TypeCondition { get; } = typeCondition;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public SelectionSetNode SelectionSet { get; } = selectionSet;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        yield return TypeCondition;
        foreach (var child in Directives) yield return child;
        yield return SelectionSet;
    }
}
