using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class KnownTypeNamesTests
{
    [Fact]
    public void Known_types_in_variables_and_fragments_pass() =>
        RuleAssert.Valid<KnownTypeNames>("query ($a: Address, $s: [String!]) { dog { ... on Pet { name } } }");

    [Fact]
    public void Unknown_types_are_reported_with_suggestions() =>
        RuleAssert.Invalid<KnownTypeNames>(
            "query ($a: Adress) { dog { ... on Doge { name } ...F } }\nfragment F on Unicorn { name }",
            "Unknown type \"Adress\". Did you mean \"Address\"? (1:12)",
            "Unknown type \"Doge\". Did you mean \"Dog\"? (1:35)",
            "Unknown type \"Unicorn\". (2:15)");
}
