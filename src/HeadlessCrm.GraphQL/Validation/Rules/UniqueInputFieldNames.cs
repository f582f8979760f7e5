using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.6.3 Input Object Field Uniqueness: an input object literal gives each field once.</summary>
public sealed class UniqueInputFieldNames : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not ObjectValueNode value)
        {
            return;
        }

        var seen = new Dictionary<string, NameNode>(StringComparer.Ordinal);
        foreach (var field in value.Fields)
        {
            if (!seen.TryAdd(field.Name.Value, field.Name))
            {
                context.ReportError($"There can be only one input field named \"{field.Name.Value}\".", seen[field.Name.Value], field.Name);
            }
        }
    }
}
