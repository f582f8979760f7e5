using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class UniqueArgumentNamesTests
{
    [Fact]
    public void Distinct_arguments_pass() =>
        RuleAssert.Valid<UniqueArgumentNames>("{ echo(int: 1, string: \"a\") }");

    [Fact]
    public void Repeated_arguments_are_reported() =>
        RuleAssert.Invalid<UniqueArgumentNames>(
            "{ echo(int: 1, int: 2) dog @include(if: true, if: false) { name } }",
            "There can be only one argument named \"int\". (1:8, 1:16)",
            "There can be only one argument named \"if\". (1:37, 1:47)");
}
