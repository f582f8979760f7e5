using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class LoneAnonymousOperationTests
{
    [Fact]
    public void One_anonymous_operation_with_fragments_passes() =>
        RuleAssert.Valid<LoneAnonymousOperation>("{ dog { ...F } } fragment F on Dog { name }");

    [Fact]
    public void An_anonymous_operation_beside_another_is_reported() =>
        RuleAssert.Invalid<LoneAnonymousOperation>(
            "{ cat { name } }\nquery Named { cat { name } }",
            "This anonymous operation must be the only defined operation. (1:1)");
}
