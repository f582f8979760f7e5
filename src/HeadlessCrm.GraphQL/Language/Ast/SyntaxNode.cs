namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A node of a parsed GraphQL document.</summary>
public abstract class SyntaxNode(Location location)
{
    /// <summary>Where the node starts and ends in its source; default for nodes built in code.</summary>
    public Location Location { get; } = location;

    /// <summary>The node's direct children, in source order; the walker relies on this order.</summary>
    public abstract IEnumerable<SyntaxNode> Children();

    public override string ToString() => Printer.Print(this);
}
