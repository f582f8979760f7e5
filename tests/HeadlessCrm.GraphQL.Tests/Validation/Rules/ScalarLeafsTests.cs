using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class ScalarLeafsTests
{
    [Fact]
    public void Leaves_without_and_objects_with_selections_pass() =>
        RuleAssert.Valid<ScalarLeafs>("{ dog { name size owner { age } } }");

    [Fact]
    public void A_leaf_with_a_selection_is_reported() =>
        RuleAssert.Invalid<ScalarLeafs>(
            "{ dog { barks { x } } }",
            "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. (1:15)");

    [Fact]
    public void An_object_without_a_selection_is_reported() =>
        RuleAssert.Invalid<ScalarLeafs>(
            "{ people }",
            "Field \"people\" of type \"[Person]\" must have a selection of subfields. Did you mean \"people { ... }\"? (1:3)");
}
