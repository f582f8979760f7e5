using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class VariablesAreInputTypesTests
{
    [Fact]
    public void Input_types_pass() =>
        RuleAssert.Valid<VariablesAreInputTypes>("query ($a: String, $b: [Size!]!, $c: Address) { cat { name } }");

    [Fact]
    public void Output_types_are_reported() =>
        RuleAssert.Invalid<VariablesAreInputTypes>(
            "query ($a: Dog, $b: [[CatOrDog!]]!) { cat { name } }",
            "Variable \"$a\" cannot be non-input type \"Dog\". (1:12)",
            "Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". (1:21)");
}
