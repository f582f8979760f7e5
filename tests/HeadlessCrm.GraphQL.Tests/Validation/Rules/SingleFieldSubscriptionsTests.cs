using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class SingleFieldSubscriptionsTests
{
    [Fact]
    public void One_root_field_through_a_fragment_passes() =>
        RuleAssert.Valid<SingleFieldSubscriptions>("subscription S { ...F } fragment F on Subscription { newPet { name } }");

    [Fact]
    public void More_root_fields_are_reported_at_the_extra_fields() =>
        RuleAssert.Invalid<SingleFieldSubscriptions>(
            "subscription S {\n  newPet { name }\n  newPerson { name }\n}",
            "Subscription \"S\" must select only one top level field. (3:3)");

    [Fact]
    public void Introspection_root_fields_are_rejected() =>
        RuleAssert.Invalid<SingleFieldSubscriptions>(
            "subscription { __typename }",
            "Anonymous Subscription must not select an introspection top level field. (1:16)");
}
