using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.3.3 Leaf Field Selections: leaves have no selection set; objects, interfaces and unions need one.</summary>
public sealed class ScalarLeafs : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not FieldNode field || context.TypeInfo.Type is not { } type)
        {
            return;
        }

        var name = field.Name.Value;
        if (type.Named.IsLeaf && field.SelectionSet is not null)
        {
            context.ReportError($"Field \"{name}\" must not have a selection since type \"{type}\" has no subfields.", field.SelectionSet);
        }
        else if (!type.Named.IsLeaf && field.SelectionSet is null)
        {
            context.ReportError($"Field \"{name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", field);
        }
    }
}
