using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>
/// Spec §5.8.5 All Variable Usages Are Allowed: a variable's type fits every position it is used in (a nullable
/// variable may fill a non-null position only when a default stands behind it), and a @oneOf field needs a non-null one.
/// </summary>
public sealed class VariablesInAllowedPosition : ValidationRule
{
    public override void Leave(SyntaxNode node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return;
        }

        var definitions = operation.VariableDefinitions
            .GroupBy(d => d.Variable.Name.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var usage in context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (usage.Type is null || !definitions.TryGetValue(name, out var definition)
                || context.Schema.GetType(definition.Type) is not { } variableType)
            {
                continue;
            }

            if (!IsAllowed(context.Schema, variableType, definition.DefaultValue, usage.Type, usage.HasDefaultValue))
            {
                context.ReportError(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".", definition, usage.Node);
            }
            else if (usage.ParentType?.Named is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                context.ReportError(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".", usage.Node);
            }
        }
    }

    private static bool IsAllowed(Schema schema, GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullDefault = variableDefault is not null and not NullValueNode;
            return (hasNonNullDefault || locationHasDefault) && TypeComparators.IsSubTypeOf(schema, variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsSubTypeOf(schema, variableType, locationType);
    }
}
