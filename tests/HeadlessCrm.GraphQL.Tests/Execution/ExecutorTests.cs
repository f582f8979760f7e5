using System.Security.Claims;
using HeadlessCrm.GraphQL.Execution;

namespace HeadlessCrm.GraphQL.Tests.Execution;

public class ExecutorTests
{
    private readonly Library _library = new();

    private Task<string> Run(string query, IReadOnlyDictionary<string, object?>? variables = null, RequestContext? context = null) =>
        Library.RunAsync(_library.Schema, query, variables, context);

    [Fact]
    public async Task Fields_aliases_and_typename_come_back_in_selection_order()
    {
        var json = await Run("{ b: book(id: \"2\") { __typename title genre t2: title price } }");
        Assert.Equal("""{"data":{"b":{"__typename":"Book","title":"Solaris","genre":"SCIENCE_FICTION","t2":"Solaris","price":9.99}}}""", json);
    }

    [Fact]
    public async Task Fragments_and_skip_include_shape_the_selection()
    {
        var json = await Run("""
            query ($withTitle: Boolean!) {
              book(id: "1") { ...F ... on Book { genre @skip(if: true) } title @include(if: $withTitle) }
            }
            fragment F on Book { id }
            """, new Dictionary<string, object?> { ["withTitle"] = false });
        Assert.Equal("""{"data":{"book":{"id":"1"}}}""", json);
    }

    [Fact]
    public async Task Variables_are_coerced_with_defaults_enums_and_lists()
    {
        var json = await Run(
            "query ($g: Genre = POETRY, $n: Int) { books(genre: $g, first: $n) { title } }",
            new Dictionary<string, object?> { ["n"] = 1L });
        Assert.Equal("""{"data":{"books":[{"title":"Earthsea"}]}}""", json);
    }

    [Fact]
    public async Task Null_and_absent_arguments_are_told_apart()
    {
        var json = await Run("query ($t: String) { a: echo b: echo(text: null) c: echo(text: $t) d: echo(text: \"x\") }");
        Assert.Equal("""{"data":{"a":"<absent>","b":"<null>","c":"<absent>","d":"x"}}""", json);
    }

    [Fact]
    public async Task An_invalid_variable_fails_the_request_before_execution()
    {
        var json = await Run("query ($n: Int) { books(first: $n) { title } }", new Dictionary<string, object?> { ["n"] = "ten" });
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$n\" got invalid value \"ten\"; Int cannot represent non-integer value: \"ten\"","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]}""",
            json);
        Assert.Empty(_library.Log);
    }

    [Fact]
    public async Task A_missing_required_variable_is_reported()
    {
        var json = await Run("query ($id: ID!) { book(id: $id) { title } }");
        Assert.Contains("Variable \\\"$id\\\" of required type \\\"ID!\\\" was not provided.", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nested_input_errors_name_the_path_inside_the_variable()
    {
        var json = await Run(
            "mutation ($in: BookInput!) { addBook(input: $in) { id } }",
            new Dictionary<string, object?> { ["in"] = new Dictionary<string, object?> { ["title"] = "X", ["authorId"] = 1.5m } });
        Assert.Contains("got invalid value { title: \\\"X\\\", authorId: 1.5 } at \\\"in.authorId\\\"; Int cannot represent non-integer value: 1.5", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_objects_bind_to_records_with_defaults()
    {
        var json = await Run("mutation { addBook(input: {title: \"New\", authorId: 2}) { title genre author { name } } }");
        Assert.Equal("""{"data":{"addBook":{"title":"New","genre":"POETRY","author":{"name":"Stanisław"}}}}""", json);
    }

    [Fact]
    public async Task Mutations_run_one_after_another_in_document_order()
    {
        var json = await Run("""
            mutation {
              first: addBook(input: {title: "A", authorId: 1}) { id }
              second: addBook(input: {title: "B", authorId: 1}) { id }
              third: addBook(input: {title: "C", authorId: 1}) { id }
            }
            """);
        Assert.Equal("""{"data":{"first":{"id":"4"},"second":{"id":"5"},"third":{"id":"6"}}}""", json);
        Assert.Equal(["add A", "add B", "add C"], _library.Log);
    }

    [Fact]
    public async Task OneOf_input_accepts_exactly_one_field()
    {
        Assert.Equal("""{"data":{"bookBy":{"id":"2"}}}""", await Run("{ bookBy(key: {title: \"Solaris\"}) { id } }"));
        var json = await Run("query ($k: BookKey!) { bookBy(key: $k) { id } }", new Dictionary<string, object?> { ["k"] = new Dictionary<string, object?> { ["id"] = "1", ["title"] = "x" } });
        Assert.Contains("Exactly one key must be specified for OneOf type \\\"BookKey\\\".", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_scalars_parse_and_serialise()
    {
        var json = await Run("{ when(at: \"2026-01-31T09:30:00+02:00\") uuid json(value: {a: [1, 2.5, \"x\", true, null]}) }");
        Assert.Equal("""{"data":{"when":"2026-02-01T07:30:00Z","uuid":"0190f5b8-8f1c-7cc3-9a35-0d4c0b5d7e21","json":{"a":[1,2.5,"x",true,null]}}}""", json);
    }

    [Fact]
    public async Task A_guard_that_fails_nulls_only_its_field_with_a_coded_error()
    {
        var json = await Run("{ book(id: \"1\") { title secret } }");
        Assert.Equal(
            """{"errors":[{"message":"Sign in to read secrets.","locations":[{"line":1,"column":25}],"path":["book","secret"],"extensions":{"code":"UNAUTHENTICATED"}}],"data":{"book":{"title":"The Dispossessed","secret":null}}}""",
            json);
        var signedIn = new RequestContext(user: new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u1")], "test")));
        Assert.Equal("""{"data":{"book":{"secret":"42"}}}""", await Run("{ book(id: \"1\") { secret } }", context: signedIn));
    }

    [Fact]
    public async Task Unexpected_exceptions_are_masked()
    {
        var json = await Run("{ book(id: \"1\") { failing } }");
        Assert.Equal(
            """{"errors":[{"message":"Unexpected error.","locations":[{"line":1,"column":19}],"path":["book","failing"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"book":{"failing":null}}}""",
            json);
    }

    [Fact]
    public async Task An_error_filter_maps_exceptions_to_client_errors()
    {
        var options = new ExecutionOptions
        {
            ErrorFilter = (exception, _) => exception is InvalidOperationException
                ? new GraphQLError("Storage unavailable.", extensions: new Dictionary<string, object?> { ["code"] = "UNAVAILABLE" })
                : null,
        };
        var json = await Library.RunAsync(_library.Schema, "{ book(id: \"1\") { failing } }", options: options);
        Assert.Contains("\"message\":\"Storage unavailable.\"", json, StringComparison.Ordinal);
        Assert.Contains("\"path\":[\"book\",\"failing\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_variable_value_is_coerced_to_a_list_and_enum_names_to_enum_values()
    {
        var json = await Run("query ($g: Genre) { books(genre: $g) { title } }", new Dictionary<string, object?> { ["g"] = "POETRY" });
        Assert.Equal("""{"data":{"books":[{"title":"Earthsea"}]}}""", json);
    }

    [Fact]
    public async Task Unknown_input_fields_and_enum_names_in_variables_are_reported()
    {
        var unknownField = await Run(
            "mutation ($in: BookInput!) { addBook(input: $in) { id } }",
            new Dictionary<string, object?> { ["in"] = new Dictionary<string, object?> { ["title"] = "X", ["authorId"] = 1L, ["isbn"] = "1" } });
        Assert.Contains("Field \\\"isbn\\\" is not defined by type \\\"BookInput\\\".", unknownField, StringComparison.Ordinal);
        var unknownEnum = await Run("query ($g: Genre) { books(genre: $g) { id } }", new Dictionary<string, object?> { ["g"] = "JAZZ" });
        Assert.Contains("Value \\\"JAZZ\\\" does not exist in \\\"Genre\\\" enum.", unknownEnum, StringComparison.Ordinal);
    }
}
