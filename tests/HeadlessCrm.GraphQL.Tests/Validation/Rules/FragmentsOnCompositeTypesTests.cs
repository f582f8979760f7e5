using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class FragmentsOnCompositeTypesTests
{
    [Fact]
    public void Objects_interfaces_and_unions_can_be_fragment_types() =>
        RuleAssert.Valid<FragmentsOnCompositeTypes>("fragment A on Dog { name } fragment B on Pet { name } fragment C on CatOrDog { __typename }");

    [Fact]
    public void Scalars_and_enums_cannot() =>
        RuleAssert.Invalid<FragmentsOnCompositeTypes>(
            "fragment A on Boolean { x }\n{ dog { ... on Size { x } } }",
            "Fragment \"A\" cannot condition on non composite type \"Boolean\". (1:15)",
            "Fragment cannot condition on non composite type \"Size\". (2:16)");
}
