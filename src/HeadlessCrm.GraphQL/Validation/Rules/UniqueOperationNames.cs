using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.2.1.1 Operation Name Uniqueness: each named operation has a name of its own.</summary>
public sealed class UniqueOperationNames : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is OperationDefinitionNode { Name: { } name } && !_known.TryAdd(name.Value, name))
        {
            context.ReportError($"There can be only one operation named \"{name.Value}\".", _known[name.Value], name);
        }
    }
}
