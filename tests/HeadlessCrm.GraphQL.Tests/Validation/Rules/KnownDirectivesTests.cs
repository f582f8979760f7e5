using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class KnownDirectivesTests
{
    [Fact]
    public void Known_directives_in_their_locations_pass() =>
        RuleAssert.Valid<KnownDirectives>(
            "query Q($v: Int @onVariable) @onQuery { dog @include(if: true) { name @onField ...F @skip(if: false) } } fragment F on Dog { name }");

    [Fact]
    public void Unknown_directives_are_reported() =>
        RuleAssert.Invalid<KnownDirectives>("{ dog @unknown { name } }", "Unknown directive \"@unknown\". (1:7)");

    [Fact]
    public void Directives_in_wrong_locations_are_reported() =>
        RuleAssert.Invalid<KnownDirectives>(
            "query Q @onField { dog @onQuery { name } }\nmutation M @include(if: true) { adopt(name: \"x\") { name } }",
            "Directive \"@onField\" may not be used on QUERY. (1:9)",
            "Directive \"@onQuery\" may not be used on FIELD. (1:24)",
            "Directive \"@include\" may not be used on MUTATION. (2:12)");
}
