using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class InputObjectRequiredFieldsTests
{
    [Fact]
    public void Given_required_fields_pass() =>
        RuleAssert.Valid<InputObjectRequiredFields>("{ findDog(address: {street: \"a\"}) { name } }");

    [Fact]
    public void Missing_required_fields_are_reported_at_the_object() =>
        RuleAssert.Invalid<InputObjectRequiredFields>(
            "{ findDog(address: {city: \"b\", next: {city: \"c\"}}) { name } }",
            "Field \"Address.street\" of required type \"String!\" was not provided. (1:20)",
            "Field \"Address.street\" of required type \"String!\" was not provided. (1:38)");
}
