using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.4.2 Argument Uniqueness: a field or directive receives each argument once.</summary>
public sealed class UniqueArgumentNames : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        var arguments = node switch
        {
            FieldNode field => field.Arguments,
            DirectiveNode directive => directive.Arguments,
            _ => null,
        };
        if (arguments is not { Count: > 1 })
        {
            return;
        }

        foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            context.ReportError($"There can be only one argument named \"{group.Key}\".", [.. group.Select(a => a.Name)]);
        }
    }
}
