using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>A UUID as its canonical hyphenated lower-case string; resolvers see <see cref="Guid"/>.</summary>
public sealed class UuidType() : ScalarType(
    "UUID",
    "A universally unique identifier in its canonical form, e.g. `0190f5b8-8f1c-7cc3-9a35-0d4c0b5d7e21`.",
    "https://www.rfc-editor.org/rfc/rfc9562")
{
    public override object Serialize(object value) => value switch
    {
        Guid g => g.ToString("D"),
        string s when Guid.TryParse(s, out var g) => g.ToString("D"),
        _ => throw CannotRepresent("value", value),
    };

    public override object ParseValue(object value) => value switch
    {
        Guid g => g,
        string s when Guid.TryParseExact(s, "D", out var g) => g,
        _ => throw CannotRepresent("value", value),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        literal is StringValueNode s && Guid.TryParseExact(s.Value, "D", out var g) ? g : throw CannotRepresent("value", literal);
}
