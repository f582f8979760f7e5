using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class UniqueDirectivesPerLocationTests
{
    [Fact]
    public void Repeatable_directives_may_repeat() =>
        RuleAssert.Valid<UniqueDirectivesPerLocation>("{ dog @tag(name: \"a\") @tag(name: \"b\") @onField { name @onField } }");

    [Fact]
    public void A_non_repeatable_directive_used_twice_is_reported() =>
        RuleAssert.Invalid<UniqueDirectivesPerLocation>(
            "{ dog @skip(if: false) @skip(if: true) { name } }",
            "The directive \"@skip\" can only be used once at this location. (1:7, 1:24)");
}
