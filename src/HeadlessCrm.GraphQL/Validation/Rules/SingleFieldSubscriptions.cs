using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.2.3.1 Single Root Field: a subscription selects exactly one root field, and not an introspection one.</summary>
public sealed class SingleFieldSubscriptions : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode { Operation: OperationType.Subscription } operation
            || context.Schema.SubscriptionType is not { } rootType)
        {
            return;
        }

        var fragments = context.Document.Definitions.OfType<FragmentDefinitionNode>()
            .GroupBy(f => f.Name.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var fields = new FieldCollector(context.Schema, fragments, variables: null).Group(rootType, [operation.SelectionSet]);
        var subject = operation.Name is null ? "Anonymous Subscription" : $"Subscription \"{operation.Name.Value}\"";
        if (fields.Count > 1)
        {
            context.ReportError($"{subject} must select only one top level field.", [.. fields.Skip(1).SelectMany(f => f)]);
        }

        foreach (var field in fields.SelectMany(f => f).Where(f => f.Name.Value.StartsWith("__", StringComparison.Ordinal)))
        {
            context.ReportError($"{subject} must not select an introspection top level field.", field);
        }
    }
}
