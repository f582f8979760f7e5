namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A field of an object or interface definition (spec §3.6).</summary>
public sealed class FieldDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<InputValueDefinitionNode> arguments, TypeNode @type, IReadOnlyList<DirectiveNode> directives, Location location = default) : SyntaxNode(location)
{
    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;
    public TypeNode Type { get; } = @type;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        foreach (var child in Arguments) yield return child;
        yield return Type;
        foreach (var child in Directives) yield return child;
    }
}
