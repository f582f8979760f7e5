using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.6.4 Input Object Required Fields: non-null fields without a default are given.</summary>
public sealed class InputObjectRequiredFields : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not ObjectValueNode value || context.TypeInfo.InputType?.Named is not InputObjectType type)
        {
            return;
        }

        foreach (var field in type.Fields.Where(f => f.Type is NonNullType && !f.HasDefaultValue))
        {
            if (!value.Fields.Any(f => f.Name.Value == field.Name))
            {
                context.ReportError($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", value);
            }
        }
    }
}
