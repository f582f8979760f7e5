using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.8.4 All Variables Used: every variable an operation defines is used, directly or through fragments.</summary>
public sealed class NoUnusedVariables : ValidationRule
{
    public override void Leave(SyntaxNode node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return;
        }

        var used = context.GetRecursiveVariableUsages(operation).Select(u => u.Node.Name.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions.Where(d => !used.Contains(d.Variable.Name.Value)))
        {
            var name = definition.Variable.Name.Value;
            var message = operation.Name is null
                ? $"Variable \"${name}\" is never used."
                : $"Variable \"${name}\" is never used in operation \"{operation.Name.Value}\".";
            context.ReportError(message, definition);
        }
    }
}
