using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.1.2 Fragment Spread Type Existence (and the types of variables): every named type exists in the schema.</summary>
public sealed class KnownTypeNames : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not NamedTypeNode named || context.Schema.GetType(named.Name.Value) is not null)
        {
            return;
        }

        var name = named.Name.Value;
        var candidates = context.Schema.TypeList.Select(t => t.Name).Concat(Scalars.Specified.Select(s => s.Name)).Distinct();
        context.ReportError($"Unknown type \"{name}\".{Suggestions.DidYouMean(Suggestions.Find(name, candidates))}", named);
    }
}
