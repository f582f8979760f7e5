namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `extend input` (spec §3.10.1).</summary>
public sealed class InputObjectTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields, Location location = default) : TypeExtensionNode(name, directives, location)
{
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; } = fields;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        foreach (var child in Directives) yield return child;
        foreach (var child in Fields) yield return child;
    }
}
