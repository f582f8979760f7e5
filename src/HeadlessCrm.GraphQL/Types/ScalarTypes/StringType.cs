using System.Globalization;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>The built-in String: UTF-8 text (spec §3.5.3).</summary>
public sealed class StringType() : ScalarType("String", "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
{
    public override object Serialize(object value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f and (int or long or short or double or float or decimal or Guid) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw CannotRepresent("value", value),
    };

    public override object ParseValue(object value) => value as string ?? throw CannotRepresent("a non string value", value);

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        literal is StringValueNode s ? s.Value : throw CannotRepresent("a non string value", literal);
}
