using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.3.1 Field Selections: every selected field exists on the type it is selected on.</summary>
public sealed class FieldsOnCorrectType : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not FieldNode field || context.TypeInfo.ParentType is not { } parentType || context.TypeInfo.FieldDefinition is not null)
        {
            return;
        }

        var name = field.Name.Value;
        var hint = Suggestions.DidYouMean(SuggestTypes(context.Schema, parentType, name), "to use an inline fragment on ");
        if (hint.Length == 0 && parentType is ComplexType complex)
        {
            hint = Suggestions.DidYouMean(Suggestions.Find(name, complex.Fields.Select(f => f.Name)));
        }

        context.ReportError($"Cannot query field \"{name}\" on type \"{parentType.Name}\".{hint}", field);
    }

    /// <summary>On an abstract type, the possible types and interfaces that do have the field, most used first.</summary>
    private static IReadOnlyList<string> SuggestTypes(Schema schema, NamedType type, string fieldName)
    {
        if (!type.IsAbstract)
        {
            return [];
        }

        var objects = schema.GetPossibleTypes(type).Where(t => t.GetField(fieldName) is not null).ToList();
        var interfaces = objects.SelectMany(o => o.Interfaces).Where(i => i.GetField(fieldName) is not null)
            .GroupBy(i => i).OrderByDescending(g => g.Count()).Select(g => g.Key.Name);
        return [.. interfaces, .. objects.Select(o => o.Name).Order(StringComparer.Ordinal)];
    }
}
