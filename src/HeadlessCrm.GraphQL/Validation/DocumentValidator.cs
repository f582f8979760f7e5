using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation;

/// <summary>Validates a document against a schema (spec §5): one walk of the document drives every rule in parallel.</summary>
public static class DocumentValidator
{
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IEnumerable<Func<ValidationRule>>? rules = null, int maxErrors = 100) =>
        Validate(new ValidationContext(schema, document, maxErrors), rules ?? SpecifiedRules.All);

    public static IReadOnlyList<GraphQLError> Validate(ValidationContext context, IEnumerable<Func<ValidationRule>> rules)
    {
        var walker = new ParallelWalker(context, [.. rules.Select(create => create())]);
        try
        {
            walker.Walk(context.Document);
        }
        catch (ValidationAbortedException)
        {
            // The context already recorded the "too many errors" error.
        }

        return context.Errors;
    }

    private sealed class ParallelWalker(ValidationContext context, ValidationRule[] rules) : SyntaxWalker
    {
        protected override bool Enter(SyntaxNode node)
        {
            context.TypeInfo.Enter(node);
            context.AncestorStack.Add(node);
            foreach (var rule in rules)
            {
                rule.Enter(node, context);
            }

            return true;
        }

        protected override void Leave(SyntaxNode node)
        {
            foreach (var rule in rules)
            {
                rule.Leave(node, context);
            }

            context.AncestorStack.RemoveAt(context.AncestorStack.Count - 1);
            context.TypeInfo.Leave(node);
        }
    }
}
