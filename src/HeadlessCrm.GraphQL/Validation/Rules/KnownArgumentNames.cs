using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.4.1 Argument Names: every argument is defined by its field or directive.</summary>
public sealed class KnownArgumentNames : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not ArgumentNode argument || context.TypeInfo.Argument is not null)
        {
            return;
        }

        var name = argument.Name.Value;
        switch (context.Parent)
        {
            case FieldNode when context.TypeInfo.FieldDefinition is { } field && context.TypeInfo.ParentType is { } parentType:
                var hint = Suggestions.DidYouMean(Suggestions.Find(name, field.Arguments.Select(a => a.Name)));
                context.ReportError($"Unknown argument \"{name}\" on field \"{parentType.Name}.{field.Name}\".{hint}", argument);
                break;
            case DirectiveNode when context.TypeInfo.Directive is { } directive:
                var directiveHint = Suggestions.DidYouMean(Suggestions.Find(name, directive.Arguments.Select(a => a.Name)));
                context.ReportError($"Unknown argument \"{name}\" on directive \"@{directive.Name}\".{directiveHint}", argument);
                break;
        }
    }
}
