using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class PossibleFragmentSpreadsTests
{
    [Fact]
    public void Overlapping_types_pass() =>
        RuleAssert.Valid<PossibleFragmentSpreads>(
            "{ pet { ... on Dog { barks } ...N } catOrDog { ... on Pet { name } } dogOrPerson { ... on Named { name } } } fragment N on Named { name }");

    [Fact]
    public void Disjoint_types_are_reported() =>
        RuleAssert.Invalid<PossibleFragmentSpreads>(
            "{ dog { ... on Cat { meows } ...P } catOrDog { ... on Person { age } } }\nfragment P on Person { age }",
            "Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". (1:9)",
            "Fragment \"P\" cannot be spread here as objects of type \"Dog\" can never be of type \"Person\". (1:30)",
            "Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type \"Person\". (1:48)");
}
