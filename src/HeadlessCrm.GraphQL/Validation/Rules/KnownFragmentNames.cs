using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.2.1 Fragment Spread Target Defined: every spread names a fragment of the document.</summary>
public sealed class KnownFragmentNames : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is FragmentSpreadNode spread && context.GetFragment(spread.Name.Value) is null)
        {
            context.ReportError($"Unknown fragment \"{spread.Name.Value}\".", spread.Name);
        }
    }
}
