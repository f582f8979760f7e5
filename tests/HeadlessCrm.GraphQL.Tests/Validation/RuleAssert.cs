using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Validation;

namespace HeadlessCrm.GraphQL.Tests.Validation;

/// <summary>Runs one rule on a document against <see cref="ZooSchema"/> and renders each error as "message (line:column, ...)".</summary>
public static class RuleAssert
{
    public static IReadOnlyList<string> Errors<TRule>(string document)
        where TRule : ValidationRule, new() =>
        [.. DocumentValidator.Validate(ZooSchema.Instance, Parser.Parse(document), [() => new TRule()]).Select(e => e.ToString())];

    public static void Valid<TRule>(string document)
        where TRule : ValidationRule, new() => Assert.Empty(Errors<TRule>(document));

    public static void Invalid<TRule>(string document, params string[] expected)
        where TRule : ValidationRule, new() => Assert.Equal(expected, Errors<TRule>(document));
}
