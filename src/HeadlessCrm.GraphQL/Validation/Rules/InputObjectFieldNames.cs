using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.6.2 Input Object Field Names: every field of an input object literal is defined by its type.</summary>
public sealed class InputObjectFieldNames : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not ObjectFieldNode field || context.TypeInfo.InputType is not null
            || context.TypeInfo.ParentInputType?.Named is not InputObjectType parentType)
        {
            return;
        }

        var name = field.Name.Value;
        var hint = Suggestions.DidYouMean(Suggestions.Find(name, parentType.Fields.Select(f => f.Name)));
        context.ReportError($"Field \"{name}\" is not defined by type \"{parentType.Name}\".{hint}", field);
    }
}
