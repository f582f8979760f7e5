namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An integer literal, kept as written (spec §2.9.1).</summary>
public sealed class IntValueNode(string @value, Location location = default) : ValueNode(location)
{
    public string Value { get; } = @value;

    public override IEnumerable<SyntaxNode> Children() => [];
}
