namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A float literal, kept as written (spec §2.9.2).</summary>
public sealed class FloatValueNode(string @value, Location location = default) : ValueNode(location)
{
    public string Value { get; } = @value;

    public override IEnumerable<SyntaxNode> Children() => [];
}
