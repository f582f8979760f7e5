using System.Globalization;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>The built-in ID: an opaque identifier serialised as a string (spec §3.5.5).</summary>
public sealed class IdType() : ScalarType("ID", "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
{
    public override object Serialize(object value) => value switch
    {
        string s => s,
        Guid g => g.ToString("D"),
        int or long or short or uint or ulong => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        _ => throw CannotRepresent("value", value),
    };

    public override object ParseValue(object value) => value switch
    {
        string s => s,
        int or long => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        decimal d when d == decimal.Truncate(d) => d.ToString("0", CultureInfo.InvariantCulture),
        _ => throw CannotRepresent("value", value),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) => literal switch
    {
        StringValueNode s => s.Value,
        IntValueNode i => i.Value,
        _ => throw new CoercionException($"ID cannot represent a non-string and non-integer value: {Inspect.Value(literal)}"),
    };
}
