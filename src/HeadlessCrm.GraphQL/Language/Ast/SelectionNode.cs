namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A field, fragment spread or inline fragment inside a selection set (spec §2.4).</summary>
public abstract class SelectionNode(Location location) : SyntaxNode(location)
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}
