namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>The `null` literal (spec §2.9.5).</summary>
public sealed class NullValueNode(Location location = default) : ValueNode(location)
{

    public override IEnumerable<SyntaxNode> Children() => [];
}
