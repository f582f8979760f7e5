namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `extend enum` (spec §3.9.1).</summary>
public sealed class EnumTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values, Location location = default) : TypeExtensionNode(name, directives, location)
{
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; } = values;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        foreach (var child in Directives) yield return child;
        foreach (var child in Values) yield return child;
    }
}
