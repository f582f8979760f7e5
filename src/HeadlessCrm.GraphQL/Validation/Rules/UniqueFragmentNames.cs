using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.1.1 Fragment Name Uniqueness.</summary>
public sealed class UniqueFragmentNames : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is FragmentDefinitionNode fragment && !_known.TryAdd(fragment.Name.Value, fragment.Name))
        {
            context.ReportError($"There can be only one fragment named \"{fragment.Name.Value}\".", _known[fragment.Name.Value], fragment.Name);
        }
    }
}
