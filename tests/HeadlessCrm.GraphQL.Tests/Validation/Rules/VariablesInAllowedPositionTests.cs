using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class VariablesInAllowedPositionTests
{
    [Fact]
    public void Matching_and_covered_positions_pass() =>
        RuleAssert.Valid<VariablesInAllowedPosition>(
            "query ($id: ID!, $b: Boolean, $n: Int = 3, $k: PetKey!, $name: String!) { person(id: $id) { name } dog { isHouseTrained(atOtherHomes: $b) } echo(nonNullInt: $n) petBy(key: $k) { name } x: petBy(key: {name: $name}) { name } }");

    [Fact]
    public void A_nullable_variable_in_a_non_null_position_is_reported() =>
        RuleAssert.Invalid<VariablesInAllowedPosition>(
            "query ($id: ID) {\n  person(id: $id) { name }\n}",
            "Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\". (1:8, 2:14)");

    [Fact]
    public void A_variable_of_another_type_is_reported_even_inside_fragments_and_lists() =>
        RuleAssert.Invalid<VariablesInAllowedPosition>(
            "query ($c: Command, $s: String) { dog { ...F } echo(list: [$c]) }\nfragment F on Dog { doesKnowCommands(commands: [$s]) }",
            "Variable \"$c\" of type \"Command\" used in position expecting type \"String\". (1:8, 1:60)",
            "Variable \"$s\" of type \"String\" used in position expecting type \"Command!\". (1:21, 2:49)");

    [Fact]
    public void A_nullable_variable_for_a_oneOf_field_is_reported() =>
        RuleAssert.Invalid<VariablesInAllowedPosition>(
            "query ($name: String) { petBy(key: {name: $name}) { name } }",
            "Variable \"$name\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"PetKey\". (1:43)");
}
