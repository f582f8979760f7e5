using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class ExecutableDefinitionsTests
{
    [Fact]
    public void Operations_and_fragments_are_executable() =>
        RuleAssert.Valid<ExecutableDefinitions>("query Q { dog { ...F } } fragment F on Dog { name }");

    [Fact]
    public void Type_system_definitions_are_not_executable() =>
        RuleAssert.Invalid<ExecutableDefinitions>(
            "{ dog { name } }\ntype Cow { name: String }\nextend type Dog { color: String }\nschema { query: Query }",
            "The \"Cow\" definition is not executable. (2:1)",
            "The \"Dog\" definition is not executable. (3:1)",
            "The schema definition is not executable. (4:1)");
}
