using System.Globalization;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>
/// An instant as an RFC 3339 date-time string with an offset, e.g. <c>2026-01-31T09:30:00Z</c>; resolvers
/// see <see cref="DateTimeOffset"/>. Output is always in UTC.
/// </summary>
public sealed class DateTimeType() : ScalarType(
    "DateTime",
    "An instant in time as an RFC 3339 date-time string with a time-zone offset; returned in UTC, e.g. `2026-01-31T09:30:00Z`.",
    "https://scalars.graphql.org/andimarek/date-time")
{
    public override object Serialize(object value) => value switch
    {
        DateTimeOffset d => Format(d),
        DateTime d => Format(d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d, TimeSpan.Zero) : new DateTimeOffset(d.ToUniversalTime())),
        string s => Format(Parse(s)),
        _ => throw CannotRepresent("value", value),
    };

    public override object ParseValue(object value) => value switch
    {
        string s => Parse(s),
        DateTimeOffset d => d,
        _ => throw CannotRepresent("a non string value", value),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        literal is StringValueNode s ? Parse(s.Value) : throw CannotRepresent("a non string value", literal);

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private DateTimeOffset Parse(string text)
    {
        // RFC 3339 requires the date, the time and an offset: a bare date or local time is ambiguous.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (text.Length < 20 || text[10] is not ('T' or 't') || !hasOffset
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var result))
        {
            throw new CoercionException($"DateTime cannot represent an invalid date-time string: {Inspect.Value(text)}");
        }

        return result;
    }
}
