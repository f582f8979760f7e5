namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A field selection, optionally aliased (spec §2.5).</summary>
public sealed class FieldNode(NameNode? alias, NameNode name, IReadOnlyList<ArgumentNode> arguments, IReadOnlyList<DirectiveNode> directives, SelectionSetNode? selectionSet, Location location = default) : SelectionNode(location)
{
    public NameNode? Alias { get; } = alias;
    public NameNode Name { get; } = name;
    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public SelectionSetNode? SelectionSet { get; } = selectionSet;

    /// <summary>The key this field takes in the response: its alias, else its name.</summary>
    public string ResponseKey => (Alias ?? Name).Value;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Alias is not null) yield return Alias;
        yield return Name;
        foreach (var child in Arguments) yield return child;
        foreach (var child in Directives) yield return child;
        if (SelectionSet is not null) yield return SelectionSet;
    }
}
