namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>`true` or `false` (spec §2.9.3).</summary>
public sealed class BooleanValueNode(bool @value, Location location = default) : ValueNode(location)
{
    public bool Value { get; } = @value;

    public override IEnumerable<SyntaxNode> Children() => [];
}
