using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>
/// Spec §5.6.1 Values of Correct Type: each literal can be coerced to the type its position expects. Input object
/// field names, required fields and @oneOf have rules of their own.
/// </summary>
public sealed class ValuesOfCorrectType : ValidationRule
{
    private SyntaxNode? _reportedComposite;

    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (_reportedComposite is not null || node is not ValueNode value || node is VariableNode)
        {
            return;
        }

        var type = context.TypeInfo.InputType;
        switch (value)
        {
            // A list or object where a leaf is expected: report the whole literal, not each of its parts.
            case ListValueNode when context.TypeInfo.ParentInputType is { } listLocation && listLocation.Nullable is not ListType:
                SkipIfReported(value, listLocation, context);
                break;
            case ObjectValueNode when type is not null && type.Named is not InputObjectType:
                SkipIfReported(value, type, context);
                break;
            case NullValueNode when type is NonNullType:
                context.ReportError($"Expected value of type \"{type}\", found null.", value);
                break;
            case IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode or EnumValueNode:
                CheckLeaf(value, type, context);
                break;
        }
    }

    public override void Leave(SyntaxNode node, ValidationContext context)
    {
        if (node == _reportedComposite)
        {
            _reportedComposite = null;
        }
    }

    private void SkipIfReported(ValueNode value, GraphQLType locationType, ValidationContext context)
    {
        if (CheckLeaf(value, locationType, context))
        {
            _reportedComposite = value;
        }
    }

    /// <summary>Reports a literal its leaf type cannot parse; returns whether an error was reported.</summary>
    private static bool CheckLeaf(ValueNode value, GraphQLType? locationType, ValidationContext context)
    {
        if (locationType is null)
        {
            return false;
        }

        var printed = Printer.Print(value);
        switch (locationType.Named)
        {
            case EnumType enumType:
                if (value is EnumValueNode enumValue && enumType.GetValue(enumValue.Value) is not null)
                {
                    return false;
                }

                var written = value is StringValueNode text ? text.Value : printed;
                var hint = Suggestions.DidYouMean(Suggestions.Find(written, enumType.Values.Select(v => v.Name)), "the enum value ");
                context.ReportError(
                    value is EnumValueNode
                        ? $"Value \"{printed}\" does not exist in \"{enumType.Name}\" enum.{hint}"
                        : $"Enum \"{enumType.Name}\" cannot represent non-enum value: {printed}.{hint}",
                    value);
                return true;
            case ScalarType scalar:
                try
                {
                    scalar.ParseLiteral(value);
                    return false;
                }
                catch (CoercionException exception)
                {
                    context.ReportError($"Expected value of type \"{locationType}\", found {printed}; {exception.Message}", value);
                    return true;
                }

            default:
                context.ReportError($"Expected value of type \"{locationType}\", found {printed}.", value);
                return true;
        }
    }
}
