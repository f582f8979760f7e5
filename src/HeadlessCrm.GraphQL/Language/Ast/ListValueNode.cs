namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `[ ... ]` list literal (spec §2.9.7).</summary>
public sealed class ListValueNode(IReadOnlyList<ValueNode> values, Location location = default) : ValueNode(location)
{
    public IReadOnlyList<ValueNode> Values { get; } = values;

    public override IEnumerable<SyntaxNode> Children()
    {
        foreach (var child in Values) yield return child;
    }
}
