using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.1.3 Fragments On Composite Types: fragments condition on objects, interfaces or unions.</summary>
public sealed class FragmentsOnCompositeTypes : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition } when IsNonComposite(context, condition):
                context.ReportError($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", condition);
                break;
            case FragmentDefinitionNode fragment when IsNonComposite(context, fragment.TypeCondition):
                context.ReportError(
                    $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{fragment.TypeCondition.Name.Value}\".",
                    fragment.TypeCondition);
                break;
        }
    }

    private static bool IsNonComposite(ValidationContext context, NamedTypeNode condition) =>
        context.Schema.GetType(condition.Name.Value) is { IsComposite: false };
}
