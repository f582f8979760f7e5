using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.1.4 Fragments Must Be Used: every fragment is spread by some operation, directly or indirectly.</summary>
public sealed class NoUnusedFragments : ValidationRule
{
    public override void Leave(SyntaxNode node, ValidationContext context)
    {
        if (node is not DocumentNode document)
        {
            return;
        }

        var used = document.Definitions.OfType<OperationDefinitionNode>()
            .SelectMany(context.GetRecursivelyReferencedFragments)
            .Select(f => f.Name.Value)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>().Where(f => !used.Contains(f.Name.Value)))
        {
            context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
        }
    }
}
