using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class FieldsOnCorrectTypeTests
{
    [Fact]
    public void Defined_fields_and_typename_on_unions_pass() =>
        RuleAssert.Valid<FieldsOnCorrectType>("{ catOrDog { __typename ... on Dog { barks } } pet { name } __schema { types { name } } }");

    [Fact]
    public void An_unknown_field_is_reported_with_a_suggestion() =>
        RuleAssert.Invalid<FieldsOnCorrectType>(
            "{ dog {\n    nme\n  }\n}",
            "Cannot query field \"nme\" on type \"Dog\". Did you mean \"name\"? (2:5)");

    [Fact]
    public void A_field_of_some_possible_types_suggests_an_inline_fragment() =>
        RuleAssert.Invalid<FieldsOnCorrectType>(
            "{ pet { meows } catOrDog { name } }",
            "Cannot query field \"meows\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\"? (1:9)",
            "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Named\", \"Cat\", or \"Dog\"? (1:28)");

    [Fact]
    public void Meta_fields_of_the_query_root_exist_only_there() =>
        RuleAssert.Invalid<FieldsOnCorrectType>(
            "{ dog { __schema { queryType { name } } } }",
            "Cannot query field \"__schema\" on type \"Dog\". (1:9)");
}
