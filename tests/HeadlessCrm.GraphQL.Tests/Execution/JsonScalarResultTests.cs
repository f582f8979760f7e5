using System.Text.Json.Nodes;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Tests.Execution;

public class JsonScalarResultTests
{
    [Fact]
    public async Task A_JSON_field_holding_a_JsonNode_is_written_as_that_JSON()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("object", "JSON", _ => new JsonObject { ["seats"] = 500, ["tags"] = new JsonArray("a", "b") })
                .Field("array", "JSON", _ => new JsonArray(1, new JsonObject { ["x"] = null })))
            .Build();

        Assert.Equal(
            """{"data":{"object":{"seats":500,"tags":["a","b"]},"array":[1,{"x":null}]}}""",
            await Library.RunAsync(schema, "{ object array }"));
    }
}
