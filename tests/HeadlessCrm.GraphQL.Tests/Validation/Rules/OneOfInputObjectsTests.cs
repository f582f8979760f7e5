using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class OneOfInputObjectsTests
{
    [Fact]
    public void Exactly_one_non_null_field_passes() =>
        RuleAssert.Valid<OneOfInputObjects>("{ petBy(key: {id: 1}) { name } }");

    [Fact]
    public void No_field_or_several_fields_are_reported() =>
        RuleAssert.Invalid<OneOfInputObjects>(
            "{ a: petBy(key: {}) { name } b: petBy(key: {id: 1, name: \"x\"}) { name } }",
            "OneOf Input Object \"PetKey\" must specify exactly one key. (1:17)",
            "OneOf Input Object \"PetKey\" must specify exactly one key. (1:44)");

    [Fact]
    public void A_null_field_is_reported() =>
        RuleAssert.Invalid<OneOfInputObjects>("{ petBy(key: {name: null}) { name } }", "Field \"PetKey.name\" must be non-null. (1:14)");
}
