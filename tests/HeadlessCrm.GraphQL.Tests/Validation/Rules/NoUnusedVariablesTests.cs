using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class NoUnusedVariablesTests
{
    [Fact]
    public void Variables_used_through_fragments_pass() =>
        RuleAssert.Valid<NoUnusedVariables>("query ($a: Boolean) { dog { ...F } } fragment F on Dog { isHouseTrained(atOtherHomes: $a) }");

    [Fact]
    public void Unused_variables_are_reported() =>
        RuleAssert.Invalid<NoUnusedVariables>(
            "query Q($a: Int, $b: Int) { echo(int: $b) }\nquery ($c: Int) { cat { name } }",
            "Variable \"$a\" is never used in operation \"Q\". (1:9)",
            "Variable \"$c\" is never used. (2:8)");
}
