using System.Globalization;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>The built-in Int: a signed 32-bit integer (spec §3.5.1).</summary>
public sealed class IntType() : ScalarType("Int", "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
{
    public override object Serialize(object value) => value switch
    {
        bool b => b ? 1 : 0,
        _ => ToInt(value),
    };

    public override object ParseValue(object value) => value is bool ? throw CannotRepresent("non-integer value", value) : ToInt(value);

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        if (literal is not IntValueNode node)
        {
            throw CannotRepresent("non-integer value", literal);
        }

        return int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {node.Value}");
    }

    private int ToInt(object value)
    {
        if (value is int i)
        {
            return i;
        }

        decimal number;
        try
        {
            number = value switch
            {
                long or short or byte or sbyte or ushort or uint or ulong or decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                double d when double.IsFinite(d) => (decimal)d,
                float f when float.IsFinite(f) => (decimal)f,
                _ => throw CannotRepresent("non-integer value", value),
            };
        }
        catch (OverflowException)
        {
            throw CannotRepresent("non 32-bit signed integer value", value);
        }

        if (number != decimal.Truncate(number))
        {
            throw CannotRepresent("non-integer value", value);
        }

        return number is >= int.MinValue and <= int.MaxValue ? (int)number : throw CannotRepresent("non 32-bit signed integer value", value);
    }
}
