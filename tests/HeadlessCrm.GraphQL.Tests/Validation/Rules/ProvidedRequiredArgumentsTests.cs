using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class ProvidedRequiredArgumentsTests
{
    [Fact]
    public void Arguments_with_defaults_or_nullable_types_may_be_left_out() =>
        RuleAssert.Valid<ProvidedRequiredArguments>("{ echo dog { isHouseTrained } people { name } }");

    [Fact]
    public void Missing_required_arguments_are_reported() =>
        RuleAssert.Invalid<ProvidedRequiredArguments>(
            "{ dog { knowsCommand } person { name @include } }",
            "Field \"knowsCommand\" argument \"command\" of type \"Command!\" is required, but it was not provided. (1:9)",
            "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. (1:38)",
            "Field \"person\" argument \"id\" of type \"ID!\" is required, but it was not provided. (1:24)");
}
