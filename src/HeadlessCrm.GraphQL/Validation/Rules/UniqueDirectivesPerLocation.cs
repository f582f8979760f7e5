using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.7.3 Directives Are Unique Per Location: a non-repeatable directive appears at most once on a node.</summary>
public sealed class UniqueDirectivesPerLocation : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        var directives = node switch
        {
            OperationDefinitionNode n => n.Directives,
            SelectionNode n => n.Directives,
            FragmentDefinitionNode n => n.Directives,
            VariableDefinitionNode n => n.Directives,
            TypeDefinitionNode n => n.Directives,
            TypeExtensionNode n => n.Directives,
            FieldDefinitionNode n => n.Directives,
            InputValueDefinitionNode n => n.Directives,
            EnumValueDefinitionNode n => n.Directives,
            SchemaDefinitionNode n => n.Directives,
            SchemaExtensionNode n => n.Directives,
            _ => null,
        };
        if (directives is not { Count: > 1 })
        {
            return;
        }

        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (context.Schema.GetDirective(name) is { IsRepeatable: true })
            {
                continue;
            }

            if (!seen.TryAdd(name, directive))
            {
                context.ReportError($"The directive \"@{name}\" can only be used once at this location.", seen[name], directive);
            }
        }
    }
}
