using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class KnownFragmentNamesTests
{
    [Fact]
    public void Spreads_of_defined_fragments_pass() =>
        RuleAssert.Valid<KnownFragmentNames>("{ dog { ...A } } fragment A on Dog { name }");

    [Fact]
    public void A_spread_of_an_undefined_fragment_is_reported() =>
        RuleAssert.Invalid<KnownFragmentNames>("{ dog { ...Missing } }", "Unknown fragment \"Missing\". (1:12)");
}
