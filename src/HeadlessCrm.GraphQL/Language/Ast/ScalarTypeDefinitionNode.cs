namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `scalar Name` definition (spec §3.5).</summary>
public sealed class ScalarTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, Location location = default) : TypeDefinitionNode(description, name, directives, location)
{

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        yield return Name;
        foreach (var child in Directives) yield return child;
    }
}
