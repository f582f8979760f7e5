namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A GraphQL name (spec §2.1.9).</summary>
public sealed class NameNode(string value, Location location = default) : SyntaxNode(location)
{
    public string Value { get; } = value;

    public override IEnumerable<SyntaxNode> Children() => [];
}
