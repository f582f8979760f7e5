namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `Type!` non-null type reference (spec §2.11).</summary>
public sealed class NonNullTypeNode(TypeNode @type, Location location = default) : TypeNode(location)
{
    public TypeNode Type { get; } = @type;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Type;
    }
}
