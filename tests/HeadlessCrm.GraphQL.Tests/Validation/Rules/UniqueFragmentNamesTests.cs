using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class UniqueFragmentNamesTests
{
    [Fact]
    public void Distinct_fragment_names_pass() =>
        RuleAssert.Valid<UniqueFragmentNames>("{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { size }");

    [Fact]
    public void A_repeated_fragment_name_is_reported() =>
        RuleAssert.Invalid<UniqueFragmentNames>(
            "{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { size }",
            "There can be only one fragment named \"A\". (2:10, 3:10)");
}
