using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Tests.Types;

public class ScalarTests
{
    [Theory]
    [InlineData(3L, 3)]
    [InlineData(4.0, 4)]
    [InlineData(true, 1)]
    public void Int_serialises_whole_numbers_in_range(object value, int expected) => Assert.Equal(expected, Scalars.Int.Serialize(value));

    [Theory]
    [InlineData(2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData(1.5, "Int cannot represent non-integer value: 1.5")]
    [InlineData("7", "Int cannot represent non-integer value: \"7\"")]
    public void Int_refuses_what_it_cannot_represent(object value, string message) =>
        Assert.Equal(message, Assert.Throws<CoercionException>(() => Scalars.Int.ParseValue(value)).Message);

    [Fact]
    public void Float_accepts_integer_literals_and_refuses_non_finite_values()
    {
        Assert.Equal(2d, Scalars.Float.ParseLiteral(Parser.ParseValue("2")));
        Assert.Throws<CoercionException>(() => Scalars.Float.Serialize(double.NaN));
    }

    [Fact]
    public void ID_accepts_strings_and_integers_and_serialises_them_as_strings()
    {
        Assert.Equal("12", Scalars.ID.ParseLiteral(Parser.ParseValue("12")));
        Assert.Equal("12", Scalars.ID.ParseValue(12L));
        Assert.Throws<CoercionException>(() => Scalars.ID.ParseLiteral(Parser.ParseValue("1.5")));
    }

    [Theory]
    [InlineData("2026-01-31T09:30:00Z", "2026-01-31T09:30:00Z")]
    [InlineData("2026-01-31T09:30:00.125+01:00", "2026-01-31T08:30:00.125Z")]
    public void DateTime_reads_RFC_3339_and_writes_UTC(string input, string output) =>
        Assert.Equal(output, Scalars.DateTime.Serialize(Scalars.DateTime.ParseValue(input)));

    [Theory]
    [InlineData("2026-01-31")]
    [InlineData("2026-01-31T09:30:00")]
    [InlineData("yesterday")]
    public void DateTime_refuses_values_without_a_time_or_an_offset(string input) =>
        Assert.Throws<CoercionException>(() => Scalars.DateTime.ParseValue(input));

    [Fact]
    public void Decimal_keeps_exact_digits_from_numbers_and_strings()
    {
        Assert.Equal(0.1m, Scalars.Decimal.ParseLiteral(Parser.ParseValue("0.1")));
        Assert.Equal(1234.50m, Scalars.Decimal.ParseValue("1234.50"));
        Assert.Equal("1234.50", ((decimal)Scalars.Decimal.Serialize(1234.50m)).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void UUID_accepts_only_the_canonical_form()
    {
        var id = Guid.NewGuid();
        Assert.Equal(id, Scalars.Uuid.ParseValue(id.ToString()));
        Assert.Throws<CoercionException>(() => Scalars.Uuid.ParseValue(id.ToString("N")));
    }

    [Fact]
    public void JSON_literals_become_plain_values_with_variables_substituted()
    {
        var value = (Dictionary<string, object?>)Scalars.Json.ParseLiteral(Parser.ParseValue("{a: [1, $v], b: ENUM}"), new Dictionary<string, object?> { ["v"] = "x" });
        Assert.Equal(new List<object?> { 1L, "x" }, value["a"]);
        Assert.Equal("ENUM", value["b"]);
    }
}
