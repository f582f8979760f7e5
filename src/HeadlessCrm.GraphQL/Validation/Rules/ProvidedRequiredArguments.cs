using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.4.2.1 Required Arguments: non-null arguments without a default are given.</summary>
public sealed class ProvidedRequiredArguments : ValidationRule
{
    public override void Leave(SyntaxNode node, ValidationContext context)
    {
        switch (node)
        {
            case FieldNode field when context.TypeInfo.FieldDefinition is { } definition:
                foreach (var missing in Missing(definition.Arguments, field.Arguments))
                {
                    context.ReportError(
                        $"Field \"{definition.Name}\" argument \"{missing.Name}\" of type \"{missing.Type}\" is required, but it was not provided.", field);
                }

                break;
            case DirectiveNode directive when context.TypeInfo.Directive is { } definition:
                foreach (var missing in Missing(definition.Arguments, directive.Arguments))
                {
                    context.ReportError(
                        $"Directive \"@{definition.Name}\" argument \"{missing.Name}\" of type \"{missing.Type}\" is required, but it was not provided.", directive);
                }

                break;
        }
    }

    private static IEnumerable<InputValueDefinition> Missing(IReadOnlyList<InputValueDefinition> definitions, IReadOnlyList<ArgumentNode> given) =>
        definitions.Where(d => d.Type is NonNullType && !d.HasDefaultValue && !given.Any(a => a.Name.Value == d.Name));
}
