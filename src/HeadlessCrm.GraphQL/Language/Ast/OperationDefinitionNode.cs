namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A query, mutation or subscription (spec §2.3).</summary>
public sealed class OperationDefinitionNode(OperationType operation, StringValueNode? description, NameNode? name, IReadOnlyList<VariableDefinitionNode> variableDefinitions, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, Location location = default) : ExecutableDefinitionNode(location)
{
    public OperationType Operation { get; } = operation;
    public StringValueNode? Description { get; } = description;
    public NameNode? Name { get; } = name;
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; } = variableDefinitions;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public SelectionSetNode SelectionSet { get; } = selectionSet;

    public override IEnumerable<SyntaxNode> Children()
    {
        if (Description is not null) yield return Description;
        if (Name is not null) yield return Name;
        foreach (var child in VariableDefinitions) yield return child;
        foreach (var child in Directives) yield return child;
        yield return SelectionSet;
    }
}
