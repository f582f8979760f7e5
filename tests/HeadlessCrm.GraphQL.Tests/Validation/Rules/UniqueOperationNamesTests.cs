using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class UniqueOperationNamesTests
{
    [Fact]
    public void Distinct_names_and_anonymous_operations_pass() =>
        RuleAssert.Valid<UniqueOperationNames>("query A { cat { name } } mutation B { adopt(name: \"x\") { name } }");

    [Fact]
    public void A_repeated_name_is_reported_at_both_names_even_across_operation_kinds() =>
        RuleAssert.Invalid<UniqueOperationNames>(
            "query Foo { cat { name } }\nmutation Foo { adopt(name: \"x\") { name } }",
            "There can be only one operation named \"Foo\". (1:7, 2:10)");
}
