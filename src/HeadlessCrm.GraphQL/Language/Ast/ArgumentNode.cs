namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A named argument given to a field or directive (spec §2.6).</summary>
public sealed class ArgumentNode(NameNode name, ValueNode @value, Location location = default) : SyntaxNode(location)
{
    public NameNode Name { get; } = name;
    public ValueNode Value { get; } = @value;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        yield return Value;
    }
}
