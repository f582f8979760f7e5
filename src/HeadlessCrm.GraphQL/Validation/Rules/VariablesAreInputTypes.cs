using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.8.2 Variables Are Input Types: variables are scalars, enums, input objects, or lists and non-nulls of them.</summary>
public sealed class VariablesAreInputTypes : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is VariableDefinitionNode definition && context.Schema.GetType(definition.Type) is { IsInputType: false })
        {
            context.ReportError(
                $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{definition.Type}\".", definition.Type);
        }
    }
}
