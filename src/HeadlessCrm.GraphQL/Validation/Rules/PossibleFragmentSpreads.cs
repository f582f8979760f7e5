using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.2.3 Fragment Spread Is Possible: a fragment's type can overlap the type it is spread into.</summary>
public sealed class PossibleFragmentSpreads : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        switch (node)
        {
            case InlineFragmentNode inline when context.TypeInfo.Type?.Named is { IsComposite: true } fragmentType
                && context.TypeInfo.ParentType is { IsComposite: true } parentType
                && !TypeComparators.DoTypesOverlap(context.Schema, fragmentType, parentType):
                context.ReportError(
                    $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".", inline);
                break;
            case FragmentSpreadNode spread when context.GetFragment(spread.Name.Value) is { } fragment
                && context.Schema.GetType(fragment.TypeCondition.Name.Value) is { IsComposite: true } spreadType
                && context.TypeInfo.ParentType is { IsComposite: true } parent
                && !TypeComparators.DoTypesOverlap(context.Schema, spreadType, parent):
                context.ReportError(
                    $"Fragment \"{spread.Name.Value}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{spreadType.Name}\".", spread);
                break;
        }
    }
}
