using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class UniqueInputFieldNamesTests
{
    [Fact]
    public void Distinct_fields_in_nested_objects_pass() =>
        RuleAssert.Valid<UniqueInputFieldNames>("{ findDog(address: {street: \"a\", next: {street: \"b\"}}) { name } }");

    [Fact]
    public void Repeated_input_fields_are_reported() =>
        RuleAssert.Invalid<UniqueInputFieldNames>(
            "{ findDog(address: {street: \"a\", street: \"b\"}) { name } }",
            "There can be only one input field named \"street\". (1:21, 1:34)");
}
