using System.Globalization;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>The built-in Float: a double-precision finite number (spec §3.5.2).</summary>
public sealed class FloatType() : ScalarType("Float", "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
{
    public override object Serialize(object value) => value is bool b ? (b ? 1d : 0d) : ToDouble(value);

    public override object ParseValue(object value) => value is bool ? throw CannotRepresent("non numeric value", value) : ToDouble(value);

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) => literal switch
    {
        IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        _ => throw CannotRepresent("non numeric value", literal),
    };

    private double ToDouble(object value)
    {
        var result = value switch
        {
            double d => d,
            float f => f,
            int or long or short or byte or sbyte or ushort or uint or ulong or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw CannotRepresent("non numeric value", value),
        };
        return double.IsFinite(result) ? result : throw CannotRepresent("non numeric value", value);
    }
}
