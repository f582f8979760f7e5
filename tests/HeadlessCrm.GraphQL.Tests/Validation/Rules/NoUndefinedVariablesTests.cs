using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class NoUndefinedVariablesTests
{
    [Fact]
    public void Variables_used_in_fragments_are_defined_by_the_operation() =>
        RuleAssert.Valid<NoUndefinedVariables>("query Q($id: ID) { dog(id: $id) { ...F } } fragment F on Dog { owner { bestFriend { name } } }");

    [Fact]
    public void An_undefined_variable_is_reported_with_its_operation() =>
        RuleAssert.Invalid<NoUndefinedVariables>(
            "query Q { dog(id: $id) { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $away) }",
            "Variable \"$id\" is not defined by operation \"Q\". (1:19, 1:1)",
            "Variable \"$away\" is not defined by operation \"Q\". (2:50, 1:1)");

    [Fact]
    public void An_anonymous_operation_is_not_named_in_the_message() =>
        RuleAssert.Invalid<NoUndefinedVariables>("{ dog(id: $id) { name } }", "Variable \"$id\" is not defined. (1:11, 1:1)");
}
