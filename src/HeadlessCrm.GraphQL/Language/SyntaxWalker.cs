using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Language;

/// <summary>
/// Walks a syntax tree depth-first in source order, calling <see cref="Enter"/> before a node's children
/// and <see cref="Leave"/> after them. Returning false from Enter skips the node's children (and its Leave).
/// </summary>
public abstract class SyntaxWalker
{
    public void Walk(SyntaxNode node)
    {
        if (!Enter(node))
        {
            return;
        }

        foreach (var child in node.Children())
        {
            Walk(child);
        }

        Leave(node);
    }

    protected abstract bool Enter(SyntaxNode node);

    protected virtual void Leave(SyntaxNode node)
    {
    }
}
