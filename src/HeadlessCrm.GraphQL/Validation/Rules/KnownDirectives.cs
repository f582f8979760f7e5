using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.7.1 Directives Are Defined and §5.7.2 Directives Are In Valid Locations.</summary>
public sealed class KnownDirectives : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not DirectiveNode directive)
        {
            return;
        }

        var name = directive.Name.Value;
        if (context.Schema.GetDirective(name) is not { } definition)
        {
            context.ReportError($"Unknown directive \"@{name}\".", directive);
            return;
        }

        var ancestors = context.Ancestors;
        var location = LocationOf(ancestors[^2], ancestors.Count > 2 ? ancestors[^3] : null);
        if (location is { } known && !definition.Locations.Contains(known))
        {
            context.ReportError($"Directive \"@{name}\" may not be used on {DirectiveLocationNames.Name(known)}.", directive);
        }
    }

    private static DirectiveLocation? LocationOf(SyntaxNode appliedTo, SyntaxNode? grandParent) => appliedTo switch
    {
        OperationDefinitionNode operation => operation.Operation switch
        {
            OperationType.Query => DirectiveLocation.Query,
            OperationType.Mutation => DirectiveLocation.Mutation,
            _ => DirectiveLocation.Subscription,
        },
        FieldNode => DirectiveLocation.Field,
        FragmentSpreadNode => DirectiveLocation.FragmentSpread,
        InlineFragmentNode => DirectiveLocation.InlineFragment,
        FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
        VariableDefinitionNode => DirectiveLocation.VariableDefinition,
        SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.Schema,
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.Scalar,
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.Object,
        FieldDefinitionNode => DirectiveLocation.FieldDefinition,
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.Interface,
        UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.Union,
        EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.Enum,
        EnumValueDefinitionNode => DirectiveLocation.EnumValue,
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.InputObject,
        InputValueDefinitionNode => grandParent is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
            ? DirectiveLocation.InputFieldDefinition
            : DirectiveLocation.ArgumentDefinition,
        _ => null,
    };
}
