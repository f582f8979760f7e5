namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `@name(args)` directive applied to a node (spec §2.12).</summary>
public sealed class DirectiveNode(NameNode name, IReadOnlyList<ArgumentNode> arguments, Location location = default) : SyntaxNode(location)
{
    public NameNode Name { get; } = name;
    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;

    public override IEnumerable<SyntaxNode> Children()
    {
        yield return Name;
        foreach (var child in Arguments) yield return child;
    }
}
