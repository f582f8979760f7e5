namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>The braces-delimited selections of a field, fragment or operation (spec §2.4).</summary>
public sealed class SelectionSetNode(IReadOnlyList<SelectionNode> selections, Location location = default) : SyntaxNode(location)
{
    public IReadOnlyList<SelectionNode> Selections { get; } = selections;

    public override IEnumerable<SyntaxNode> Children()
    {
        foreach (var child in Selections) yield return child;
    }
}
