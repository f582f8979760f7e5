using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.8.1 Variable Uniqueness: an operation defines each variable once.</summary>
public sealed class UniqueVariableNames : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return;
        }

        foreach (var group in operation.VariableDefinitions.GroupBy(d => d.Variable.Name.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            context.ReportError($"There can be only one variable named \"${group.Key}\".", [.. group.Select(d => d.Variable.Name)]);
        }
    }
}
