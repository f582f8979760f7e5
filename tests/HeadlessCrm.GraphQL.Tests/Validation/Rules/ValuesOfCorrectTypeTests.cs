using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class ValuesOfCorrectTypeTests
{
    [Fact]
    public void Literals_of_the_right_types_pass_including_list_coercion_of_single_values() =>
        RuleAssert.Valid<ValuesOfCorrectType>(
            "{ echo(int: -3, float: 1, string: \"s\", bool: false, id: 4, size: LARGE, list: \"one\", nonNullList: [\"a\"], address: {street: \"x\", zip: null}) }");

    [Fact]
    public void Scalars_that_cannot_parse_a_literal_are_reported_with_the_reason() =>
        RuleAssert.Invalid<ValuesOfCorrectType>(
            "{ echo(int: 1.5, string: 3, bool: \"yes\", float: 2147483648000000000000000000000000000) }",
            "Expected value of type \"Int\", found 1.5; Int cannot represent non-integer value: 1.5 (1:13)",
            "Expected value of type \"String\", found 3; String cannot represent a non string value: 3 (1:26)",
            "Expected value of type \"Boolean\", found \"yes\"; Boolean cannot represent a non boolean value: \"yes\" (1:35)");

    [Fact]
    public void Out_of_range_integers_are_reported() =>
        RuleAssert.Invalid<ValuesOfCorrectType>(
            "{ echo(int: 2147483648) }",
            "Expected value of type \"Int\", found 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648 (1:13)");

    [Fact]
    public void Unknown_enum_values_are_reported_with_suggestions() =>
        RuleAssert.Invalid<ValuesOfCorrectType>(
            "{ echo(size: LARG) dog { knowsCommand(command: \"SIT\") } }",
            "Value \"LARG\" does not exist in \"Size\" enum. Did you mean the enum value \"LARGE\"? (1:14)",
            "Enum \"Command\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"? (1:48)");

    [Fact]
    public void Null_in_a_non_null_position_is_reported() =>
        RuleAssert.Invalid<ValuesOfCorrectType>(
            "{ echo(nonNullList: [\"a\", null]) dog { knowsCommand(command: null) } }",
            "Expected value of type \"String!\", found null. (1:27)",
            "Expected value of type \"Command!\", found null. (1:62)");

    [Fact]
    public void A_list_or_object_where_a_leaf_is_expected_is_reported_once() =>
        RuleAssert.Invalid<ValuesOfCorrectType>(
            "{ echo(int: [1, \"x\"], string: {a: 1}) }",
            "Expected value of type \"Int\", found [1, \"x\"]; Int cannot represent non-integer value: [1, \"x\"] (1:13)",
            "Expected value of type \"String\", found {a: 1}; String cannot represent a non string value: {a: 1} (1:31)");
}
