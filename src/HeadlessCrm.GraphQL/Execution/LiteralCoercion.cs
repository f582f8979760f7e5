using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// Coerces a literal of the document, possibly holding variables, to its type's internal value (spec §6.4.1
/// CoerceArgumentValues; the literal rules of §3.5–§3.12). Returns false when the literal is invalid.
/// </summary>
internal static class LiteralCoercion
{
    public static bool TryCoerce(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? result)
    {
        result = null;
        if (node is VariableNode variable)
        {
            // A variable omitted at run time is "absent"; callers decide between default and error before getting here.
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out result))
            {
                return type is not NonNullType;
            }

            return result is not null || type is not NonNullType;
        }

        if (type is NonNullType nonNull)
        {
            return node is not NullValueNode && TryCoerce(node, nonNull.OfType, variables, out result);
        }

        if (node is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                return TryCoerceList(node, list, variables, out result);
            case InputObjectType input:
                return TryCoerceInputObject(node, input, variables, out result);
            case EnumType enumType:
                if (node is EnumValueNode enumNode && enumType.GetValue(enumNode.Value) is { } value)
                {
                    result = value.Value;
                    return true;
                }

                return false;
            case ScalarType scalar:
                try
                {
                    result = scalar.ParseLiteral(node, variables);
                    return true;
                }
                catch (CoercionException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private static bool TryCoerceList(ValueNode node, ListType list, IReadOnlyDictionary<string, object?>? variables, out object? result)
    {
        if (node is not ListValueNode listNode)
        {
            var ok = TryCoerce(node, list.OfType, variables, out var single);
            result = ok ? new List<object?> { single } : null;
            return ok;
        }

        var items = new List<object?>(listNode.Values.Count);
        foreach (var item in listNode.Values)
        {
            if (IsMissingVariable(item, variables))
            {
                if (list.OfType is NonNullType)
                {
                    result = null;
                    return false;
                }

                items.Add(null);
                continue;
            }

            if (!TryCoerce(item, list.OfType, variables, out var coerced))
            {
                result = null;
                return false;
            }

            items.Add(coerced);
        }

        result = items;
        return true;
    }

    private static bool TryCoerceInputObject(ValueNode node, InputObjectType input, IReadOnlyDictionary<string, object?>? variables, out object? result)
    {
        result = null;
        if (node is not ObjectValueNode objectNode || objectNode.Fields.Any(f => input.GetField(f.Name.Value) is null))
        {
            return false;
        }

        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in input.Fields)
        {
            var fieldNode = objectNode.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
            if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
            {
                if (field.HasDefaultValue)
                {
                    fields[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    return false;
                }

                continue;
            }

            if (!TryCoerce(fieldNode.Value, field.Type, variables, out var value))
            {
                return false;
            }

            fields[field.Name] = value;
        }

        if (input.IsOneOf && InputCoercion.CheckOneOf(input, fields) is not null)
        {
            return false;
        }

        result = InputCoercion.BuildInputObject(input, fields);
        return true;
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));
}
