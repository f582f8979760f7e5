namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `input Name` definition (spec §3.10).</summary>
public sealed class InputObjectTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields, Location location = default) : TypeDefinitionNode(description, name, directives, location)
{
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; } = fields;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        foreach (var child in Directives) yield return child;
        foreach (var child in Fields) yield return child;
    }
}
