namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `enum Name` definition (spec §3.9).</summary>
public sealed class EnumTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values, Location location = default) : TypeDefinitionNode(description, name, directives, location)
{
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; } = values;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        foreach (var child in Directives) yield return child;
        foreach (var child in Values) yield return child;
    }
}
