namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>One value of an enum definition (spec §3.9).</summary>
public sealed class EnumValueDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, Location location = default) : SyntaxNode(location)
{
    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        foreach (var child in Directives) yield return child;
    }
}
