namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `$name` reference to a variable (spec §2.10).</summary>
public sealed class VariableNode(NameNode name, Location location = default) : ValueNode(location)
{
    public NameNode Name { get; } = name;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
    }
}
