using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class KnownArgumentNamesTests
{
    [Fact]
    public void Defined_arguments_pass() =>
        RuleAssert.Valid<KnownArgumentNames>("{ dog(id: 1) @include(if: true) { knowsCommand(command: SIT) } }");

    [Fact]
    public void Unknown_field_and_directive_arguments_are_reported() =>
        RuleAssert.Invalid<KnownArgumentNames>(
            "{ dog { knowsCommand(comand: SIT) name @skip(unless: true) } }",
            "Unknown argument \"comand\" on field \"Dog.knowsCommand\". Did you mean \"command\"? (1:22)",
            "Unknown argument \"unless\" on directive \"@skip\". (1:46)");
}
