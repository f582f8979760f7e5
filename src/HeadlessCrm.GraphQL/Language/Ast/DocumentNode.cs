namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A whole GraphQL document: executable and type-system definitions (spec §2.2).</summary>
public sealed class DocumentNode(IReadOnlyList<DefinitionNode> definitions, Location location = default) : SyntaxNode(location)
{
    public IReadOnlyList<DefinitionNode> Definitions { get; } = definitions;

    public override IEnumerable<SyntaxNode> Children()
    {
        foreach (var child in Definitions) yield return child;
    }
}
