namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An argument or input field definition (spec §3.6.1, §3.10).</summary>
public sealed class InputValueDefinitionNode(StringValueNode? description, NameNode name, TypeNode @type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives, Location location = default) : SyntaxNode(location)
{
    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public TypeNode Type { get; } = @type;
    public ValueNode? DefaultValue { get; } = defaultValue;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        yield return Type;
        if (DefaultValue is not null) yield return DefaultValue;
        foreach (var child in Directives) yield return child;
    }
}
