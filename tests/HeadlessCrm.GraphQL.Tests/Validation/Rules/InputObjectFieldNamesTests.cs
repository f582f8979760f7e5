using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class InputObjectFieldNamesTests
{
    [Fact]
    public void Defined_fields_pass() =>
        RuleAssert.Valid<InputObjectFieldNames>("{ findDog(address: {street: \"a\", city: \"b\", next: {street: \"c\"}}) { name } }");

    [Fact]
    public void Undefined_fields_are_reported_with_suggestions() =>
        RuleAssert.Invalid<InputObjectFieldNames>(
            "{ findDog(address: {street: \"a\", cty: \"b\"}) { name } }",
            "Field \"cty\" is not defined by type \"Address\". Did you mean \"city\"? (1:34)");
}
