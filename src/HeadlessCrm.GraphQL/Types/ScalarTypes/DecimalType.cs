using System.Globalization;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>
/// An exact decimal number such as a money amount; written as a JSON number with its exact digits and accepted
/// as a number or a numeric string; resolvers see <see cref="decimal"/>.
/// </summary>
public sealed class DecimalType() : ScalarType("Decimal", "An exact base-10 number (up to 28 significant digits), e.g. a money amount: `1234.50`.")
{
    public override object Serialize(object value) => ToDecimal(value);

    public override object ParseValue(object value) => value is string s ? ParseText(s, value) : ToDecimal(value);

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) => literal switch
    {
        IntValueNode i => ParseText(i.Value, literal),
        FloatValueNode f => ParseText(f.Value, literal),
        StringValueNode s => ParseText(s.Value, literal),
        _ => throw CannotRepresent("a non numeric value", literal),
    };

    private decimal ParseText(string text, object original) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw CannotRepresent("a non numeric value", original);

    private decimal ToDecimal(object value)
    {
        try
        {
            return value switch
            {
                decimal d => d,
                int or long or short or byte or sbyte or ushort or uint or ulong or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                _ => throw CannotRepresent("a non numeric value", value),
            };
        }
        catch (OverflowException)
        {
            throw CannotRepresent("an out-of-range value", value);
        }
    }
}
