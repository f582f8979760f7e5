namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A string or block string literal, already unescaped (spec §2.9.4).</summary>
public sealed class StringValueNode(string @value, bool isBlock, Location location = default) : ValueNode(location)
{
    public string Value { get; } = @value;
    public bool IsBlock { get; } = isBlock;

    public override IEnumerable<SyntaxNode> Children() => [];
}
