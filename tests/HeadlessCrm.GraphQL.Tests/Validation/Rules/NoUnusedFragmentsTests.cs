using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class NoUnusedFragmentsTests
{
    [Fact]
    public void Fragments_used_through_other_fragments_pass() =>
        RuleAssert.Valid<NoUnusedFragments>("{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }");

    [Fact]
    public void Fragments_no_operation_reaches_are_reported() =>
        RuleAssert.Invalid<NoUnusedFragments>(
            "{ dog { name } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }",
            "Fragment \"A\" is never used. (2:1)",
            "Fragment \"B\" is never used. (3:1)");
}
