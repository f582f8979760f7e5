using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>
/// @oneOf input objects (spec September 2025, §5.6.1 "Values of Correct Type"): a literal gives exactly one field, and
/// not null. Variables in such positions must be non-null; <see cref="VariablesInAllowedPosition"/> checks that.
/// </summary>
public sealed class OneOfInputObjects : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not ObjectValueNode value || context.TypeInfo.InputType?.Named is not InputObjectType { IsOneOf: true } type)
        {
            return;
        }

        if (value.Fields.Count != 1)
        {
            context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", value);
        }
        else if (value.Fields[0].Value is NullValueNode)
        {
            context.ReportError($"Field \"{type.Name}.{value.Fields[0].Name.Value}\" must be non-null.", value);
        }
    }
}
