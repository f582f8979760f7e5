using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types;

/// <summary>
/// Turns an internal input value back into a literal of its type, e.g. to print an argument's default value in
/// introspection and SDL. Returns null when the value cannot be represented.
/// </summary>
public static partial class LiteralFromValue
{
    public static ValueNode? Convert(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            return value is null ? null : Convert(value, nonNull.OfType);
        }

        if (value is null)
        {
            return new NullValueNode();
        }

        switch (type)
        {
            case ListType list when value is IEnumerable items and not string and not IDictionary:
                var values = new List<ValueNode>();
                foreach (var item in items)
                {
                    if (Convert(item, list.OfType) is { } node)
                    {
                        values.Add(node);
                    }
                }

                return new ListValueNode(values);
            case ListType list:
                return Convert(value, list.OfType);
            case InputObjectType input:
                return FromInputObject(value, input);
            case EnumType enumType:
                return enumType.FindByInternalValue(value) is { } enumValue ? new EnumValueNode(enumValue.Name) : null;
            case ScalarType scalar:
                object serialized;
                try
                {
                    serialized = scalar.Serialize(value);
                }
                catch (CoercionException)
                {
                    return null;
                }

                return FromSerialized(serialized, scalar == Scalars.ID);
            default:
                return null;
        }
    }

    private static ObjectValueNode FromInputObject(object value, InputObjectType input)
    {
        var fields = new List<ObjectFieldNode>();
        foreach (var field in input.Fields)
        {
            if (TryRead(value, field.Name, out var fieldValue) && Convert(fieldValue, field.Type) is { } node)
            {
                fields.Add(new ObjectFieldNode(new NameNode(field.Name), node));
            }
        }

        return new ObjectValueNode(fields);
    }

    private static bool TryRead(object source, string name, out object? value)
    {
        if (source is IReadOnlyDictionary<string, object?> map)
        {
            return map.TryGetValue(name, out value);
        }

        var property = source.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        value = property?.GetValue(source);
        return property is not null;
    }

    private static ValueNode? FromSerialized(object? serialized, bool isId) => serialized switch
    {
        null => new NullValueNode(),
        bool b => new BooleanValueNode(b),
        int or long or short or byte => new IntValueNode(((IFormattable)serialized).ToString(null, CultureInfo.InvariantCulture)),
        double d when double.IsFinite(d) => Number(d.ToString("R", CultureInfo.InvariantCulture)),
        float f when float.IsFinite(f) => Number(f.ToString("R", CultureInfo.InvariantCulture)),
        decimal m => Number(m.ToString(CultureInfo.InvariantCulture)),
        string s when isId && IntegerPattern().IsMatch(s) => new IntValueNode(s),
        string s => new StringValueNode(s, false),
        IReadOnlyDictionary<string, object?> map => new ObjectValueNode(
            [.. map.Select(p => new ObjectFieldNode(new NameNode(p.Key), FromSerialized(p.Value, false) ?? new NullValueNode()))]),
        IEnumerable items => new ListValueNode([.. items.Cast<object?>().Select(i => FromSerialized(i, false) ?? new NullValueNode())]),
        _ => null,
    };

    private static ValueNode Number(string text) =>
        text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.OrdinalIgnoreCase)
            ? new FloatValueNode(text)
            : new IntValueNode(text);

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();
}
