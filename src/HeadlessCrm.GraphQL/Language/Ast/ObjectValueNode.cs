namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A `{ name: value }` input object literal (spec §2.9.8).</summary>
public sealed class ObjectValueNode(IReadOnlyList<ObjectFieldNode> fields, Location location = default) : ValueNode(location)
{
    public IReadOnlyList<ObjectFieldNode> Fields { get; } = fields;

    public override IEnumerable<SyntaxNode> Children()
    {
        foreach (var child in Fields) yield return child;
    }
}
