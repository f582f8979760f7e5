namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `[Type]` list type reference (spec §2.11).</summary>
public sealed class ListTypeNode(TypeNode @type, Location location = default) : TypeNode(location)
{
    public TypeNode Type { get; } = @type;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Type;
    }
}
