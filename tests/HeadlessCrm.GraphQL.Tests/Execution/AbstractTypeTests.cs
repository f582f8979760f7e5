using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Tests.Execution;

public class AbstractTypeTests
{
    private readonly Library _library = new();

    [Fact]
    public async Task Union_members_are_resolved_by_CLR_type()
    {
        var json = await Library.RunAsync(_library.Schema, "{ search(text: \"s\") { __typename ... on Book { title } ... on Author { name } } }");
        Assert.Equal(
            """{"data":{"search":[{"__typename":"Book","title":"The Dispossessed"},{"__typename":"Book","title":"Solaris"},{"__typename":"Book","title":"Earthsea"},{"__typename":"Author","name":"Ursula"},{"__typename":"Author","name":"Stanisław"}]}}""",
            json);
    }

    [Fact]
    public async Task Interface_fields_are_inherited_and_resolved_per_object_type()
    {
        var json = await Library.RunAsync(_library.Schema, "{ a: node(id: \"a1\") { id __typename ... on Author { name } } b: node(id: \"b1\") { id __typename } }");
        Assert.Equal("""{"data":{"a":{"id":"1","__typename":"Author","name":"Ursula"},"b":{"id":"1","__typename":"Book"}}}""", json);
    }

    [Fact]
    public async Task A_type_resolver_may_name_the_object_type()
    {
        var schema = new SchemaBuilder()
            .Interface("Pet", i => i.Field("name", "String!").ResolveType(v => ((Dictionary<string, object?>)v)["kind"] as string))
            .Object("Cat", t => t.Implements("Pet").Field("meows", "Boolean!"))
            .Object("Dog", t => t.Implements("Pet").Field("barks", "Boolean!"))
            .Query(q => q.Field("pet", "Pet", _ => new Dictionary<string, object?> { ["kind"] = "Dog", ["name"] = "Rex", ["barks"] = true }))
            .Build();
        Assert.Equal(
            """{"data":{"pet":{"__typename":"Dog","name":"Rex","barks":true}}}""",
            await Library.RunAsync(schema, "{ pet { __typename name ... on Dog { barks } } }"));
    }

    [Fact]
    public async Task A_value_no_possible_type_accepts_is_a_field_error()
    {
        var schema = new SchemaBuilder()
            .Union("Thing", u => u.Types("A"))
            .Object("A", t => t.Field("x", "Int"))
            .Query(q => q.Field("thing", "Thing", _ => "a string"))
            .Build();
        var json = await Library.RunAsync(schema, "{ thing { __typename } }");
        Assert.Contains("Abstract type \\\"Thing\\\" must resolve to an Object type at runtime for field \\\"Query.thing\\\".", json, StringComparison.Ordinal);
    }
}
