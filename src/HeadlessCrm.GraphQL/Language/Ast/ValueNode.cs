namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A literal input value or a variable reference (spec §2.9).</summary>
public abstract class ValueNode(Location location) : SyntaxNode(location);
