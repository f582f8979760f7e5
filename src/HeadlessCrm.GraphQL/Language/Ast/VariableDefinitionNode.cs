namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A variable declared by an operation, with its type and default (spec §2.10).</summary>
public sealed class VariableDefinitionNode(StringValueNode? description, VariableNode variable, TypeNode @type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives, Location location = default) : SyntaxNode(location)
{
    public StringValueNode? Description { get; } = description;
    public VariableNode Variable { get; } = variable;
    public TypeNode Type { get; } = @type;
    public ValueNode? DefaultValue { get; } = defaultValue;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Variable;
        yield return Type;
        if (DefaultValue is not null) yield return DefaultValue;
        foreach (var child in Directives) yield return child;
    }
}
