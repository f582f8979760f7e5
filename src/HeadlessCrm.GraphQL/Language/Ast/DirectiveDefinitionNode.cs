namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `directive @name on ...` definition (spec §3.13).</summary>
public sealed class DirectiveDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<InputValueDefinitionNode> arguments, bool isRepeatable, IReadOnlyList<NameNode> locations, Location location = default) : TypeSystemDefinitionNode(location)
{
    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;
    public bool IsRepeatable { get; } = isRepeatable;
    public IReadOnlyList<NameNode> Locations { get; } = locations;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        foreach (var child in Arguments) yield return child;
        foreach (var child in Locations) yield return child;
    }
}
