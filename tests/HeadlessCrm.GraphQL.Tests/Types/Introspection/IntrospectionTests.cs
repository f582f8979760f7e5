using System.Text.Json;
using HeadlessCrm.GraphQL.Tests.Execution;

namespace HeadlessCrm.GraphQL.Tests.Types.Introspection;

public class IntrospectionTests
{
    private static async Task<JsonElement> QueryAsync(string query)
    {
        var result = await new GraphQLEngine(new Library().Schema).ExecuteAsync(new GraphQLRequest { Query = query });
        Assert.Null(result.Errors);
        return JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data");
    }

    [Fact]
    public async Task A_type_reports_its_kind_fields_interfaces_and_wrapped_types()
    {
        var book = (await QueryAsync("""
            { __type(name: "Book") { kind name description interfaces { name }
                fields { name type { kind name ofType { kind name ofType { kind name ofType { name } } } } } } }
            """)).GetProperty("__type");
        Assert.Equal("OBJECT", book.GetProperty("kind").GetString());
        Assert.Equal("A book", book.GetProperty("description").GetString());
        Assert.Equal("Node", book.GetProperty("interfaces")[0].GetProperty("name").GetString());
        var reviews = book.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "reviews").GetProperty("type");
        Assert.Equal("""{"kind":"NON_NULL","name":null,"ofType":{"kind":"LIST","name":null,"ofType":{"kind":"NON_NULL","name":null,"ofType":{"name":"Review"}}}}""", reviews.GetRawText());
    }

    [Fact]
    public async Task Deprecated_enum_values_are_hidden_unless_asked_for()
    {
        var genre = (await QueryAsync("""
            { __type(name: "Genre") { current: enumValues { name } all: enumValues(includeDeprecated: true) { name isDeprecated deprecationReason description } } }
            """)).GetProperty("__type");
        Assert.Equal("""[{"name":"POETRY"}]""", genre.GetProperty("current").GetRawText());
        Assert.Equal(
            """[{"name":"SCIENCE_FICTION","isDeprecated":true,"deprecationReason":"Say SF","description":null},{"name":"POETRY","isDeprecated":false,"deprecationReason":null,"description":"Verse"}]""",
            genre.GetProperty("all").GetRawText());
    }

    [Fact]
    public async Task Input_values_show_defaults_as_GraphQL_literals_and_oneOf_is_reported()
    {
        var data = await QueryAsync("""
            { input: __type(name: "BookInput") { isOneOf inputFields { name defaultValue } }
              key: __type(name: "BookKey") { isOneOf }
              scalar: __type(name: "DateTime") { kind specifiedByURL } }
            """);
        Assert.Equal(
            """{"isOneOf":false,"inputFields":[{"name":"title","defaultValue":null},{"name":"authorId","defaultValue":null},{"name":"genre","defaultValue":"POETRY"}]}""",
            data.GetProperty("input").GetRawText());
        Assert.True(data.GetProperty("key").GetProperty("isOneOf").GetBoolean());
        Assert.Equal("""{"kind":"SCALAR","specifiedByURL":"https://scalars.graphql.org/andimarek/date-time"}""", data.GetProperty("scalar").GetRawText());
    }

    [Fact]
    public async Task The_schema_lists_roots_built_in_directives_and_possible_types()
    {
        var schema = (await QueryAsync("""
            { __schema { queryType { name } mutationType { name } subscriptionType { name }
                directives { name isRepeatable locations args { name defaultValue } } }
              node: __type(name: "Node") { possibleTypes { name } }
              search: __type(name: "SearchResult") { possibleTypes { name } } }
            """));
        var root = schema.GetProperty("__schema");
        Assert.Equal("Mutation", root.GetProperty("mutationType").GetProperty("name").GetString());
        Assert.Equal(
            ["include", "skip", "deprecated", "specifiedBy", "oneOf"],
            root.GetProperty("directives").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var deprecated = root.GetProperty("directives")[2];
        Assert.Equal("""[{"name":"reason","defaultValue":"\"No longer supported\""}]""", deprecated.GetProperty("args").GetRawText());
        Assert.Equal("""[{"name":"Author"},{"name":"Book"}]""", schema.GetProperty("node").GetProperty("possibleTypes").GetRawText());
        Assert.Equal("""[{"name":"Book"},{"name":"Author"}]""", schema.GetProperty("search").GetProperty("possibleTypes").GetRawText());
    }

    [Fact]
    public async Task An_unknown_type_name_gives_null()
    {
        Assert.Equal(JsonValueKind.Null, (await QueryAsync("{ __type(name: \"Nope\") { name } }")).GetProperty("__type").ValueKind);
    }
}
