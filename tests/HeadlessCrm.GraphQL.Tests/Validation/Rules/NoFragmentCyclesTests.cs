using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class NoFragmentCyclesTests
{
    [Fact]
    public void Spreading_the_same_fragment_twice_is_not_a_cycle() =>
        RuleAssert.Valid<NoFragmentCycles>("fragment A on Dog { ...B ...B } fragment B on Dog { name }");

    [Fact]
    public void A_fragment_spreading_itself_is_reported() =>
        RuleAssert.Invalid<NoFragmentCycles>("fragment A on Dog { ...A }", "Cannot spread fragment \"A\" within itself. (1:21)");

    [Fact]
    public void An_indirect_cycle_names_the_fragments_it_goes_through() =>
        RuleAssert.Invalid<NoFragmentCycles>(
            "fragment A on Dog { ...B }\nfragment B on Dog { owner { ...C } }\nfragment C on Person { pets { ... on Dog { ...A } } }",
            "Cannot spread fragment \"A\" within itself via \"B\", \"C\". (1:21, 2:29, 3:44)");
}
