namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An enum value literal (spec §2.9.6).</summary>
public sealed class EnumValueNode(string @value, Location location = default) : ValueNode(location)
{
    public string Value { get; } = @value;

    public override IEnumerable<SyntaxNode> Children() => [];
}
