using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class UniqueVariableNamesTests
{
    [Fact]
    public void Distinct_variables_pass() =>
        RuleAssert.Valid<UniqueVariableNames>("query A($x: Int, $y: Int) { cat { name } } query B($x: Int) { cat { name } }");

    [Fact]
    public void A_repeated_variable_is_reported_at_each_definition() =>
        RuleAssert.Invalid<UniqueVariableNames>(
            "query ($x: Int, $x: String, $x: Boolean) { cat { name } }",
            "There can be only one variable named \"$x\". (1:9, 1:18, 1:30)");
}
