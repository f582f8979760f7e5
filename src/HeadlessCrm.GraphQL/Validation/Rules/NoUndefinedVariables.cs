using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.8.3 All Variable Uses Defined: every variable an operation uses, also through fragments, is defined by it.</summary>
public sealed class NoUndefinedVariables : ValidationRule
{
    public override void Leave(SyntaxNode node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return;
        }

        var defined = operation.VariableDefinitions.Select(d => d.Variable.Name.Value).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var usage in context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!defined.Contains(name) && reported.Add(name))
            {
                var message = operation.Name is null
                    ? $"Variable \"${name}\" is not defined."
                    : $"Variable \"${name}\" is not defined by operation \"{operation.Name.Value}\".";
                context.ReportError(message, usage.Node, operation);
            }
        }
    }
}
