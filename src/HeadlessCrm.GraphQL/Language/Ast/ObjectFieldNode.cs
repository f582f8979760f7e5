namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>One field of an input object literal.</summary>
public sealed class ObjectFieldNode(NameNode name, ValueNode @value, Location location = default) : SyntaxNode(location)
{
    public NameNode Name { get; } = name;
    public ValueNode Value { get; } = @value;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        yield return Value;
    }
}
