using System.Text.Json;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Pipeline;
using HeadlessCrm.GraphQL.Tests.Execution;
using HeadlessCrm.GraphQL.Validation;

namespace HeadlessCrm.GraphQL.Tests;

public class GraphQLEngineTests
{
    private readonly Library _library = new();

    private GraphQLEngine Engine(QueryLimits? limits = null) =>
        new(_library.Schema, new GraphQLEngineOptions { Limits = limits ?? QueryLimits.None });

    private static string Message(GraphQL.Execution.ExecutionResult result) => Assert.Single(result.Errors!).Message;

    [Fact]
    public async Task A_request_is_parsed_validated_and_executed()
    {
        var result = await Engine().ExecuteAsync(new GraphQLRequest { Query = "query Q($id: ID!) { book(id: $id) { title } }", Variables = new Dictionary<string, object?> { ["id"] = "2" } });
        Assert.Equal("""{"data":{"book":{"title":"Solaris"}}}""", result.ToJson());
    }

    [Fact]
    public async Task Syntax_errors_come_back_without_data()
    {
        var result = await Engine().ExecuteAsync(new GraphQLRequest { Query = "{ book(id: 1) " });
        Assert.False(result.HasData);
        Assert.Equal("""{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":15}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}""", result.ToJson());
    }

    [Fact]
    public async Task Validation_errors_come_back_without_data()
    {
        var result = await Engine().ExecuteAsync(new GraphQLRequest { Query = "{ boook { title } }" });
        Assert.False(result.HasData);
        Assert.Equal("Cannot query field \"boook\" on type \"Query\". Did you mean \"book\", \"books\", or \"bookBy\"?", Message(result));
    }

    [Fact]
    public async Task Several_operations_need_an_operation_name()
    {
        var engine = Engine();
        const string query = "query A { uuid } query B { strings }";
        Assert.Equal("Must provide operation name if query contains multiple operations.", Message(await engine.ExecuteAsync(new GraphQLRequest { Query = query })));
        Assert.Equal("Unknown operation named \"C\".", Message(await engine.ExecuteAsync(new GraphQLRequest { Query = query, OperationName = "C" })));
        Assert.Equal("""{"data":{"strings":["a",null,"c"]}}""", (await engine.ExecuteAsync(new GraphQLRequest { Query = query, OperationName = "B" })).ToJson());
    }

    [Fact]
    public void Prepared_documents_are_cached_by_text()
    {
        var engine = Engine();
        Assert.Same(engine.Prepare("{ uuid }"), engine.Prepare("{ uuid }"));
    }

    [Fact]
    public async Task A_transport_may_refuse_an_operation_kind()
    {
        var result = await Engine().ExecuteAsync(
            new GraphQLRequest { Query = "mutation { addBook(input: {title: \"x\", authorId: 1}) { id } }" },
            allowOperation: kind => kind == OperationType.Query);
        Assert.Equal(GraphQLEngine.OperationNotAllowedCode, result.Errors![0].Extensions!["code"]);
        Assert.Empty(_library.Log);
    }

    [Fact]
    public async Task The_depth_limit_names_the_limit_and_the_measured_depth()
    {
        var result = await Engine(new QueryLimits { MaxDepth = 3 }).ExecuteAsync(new GraphQLRequest { Query = "{ books { author { books { title } } } }" });
        Assert.Equal(
            """{"errors":[{"message":"Query depth 4 exceeds the maximum allowed depth of 3.","locations":[{"line":1,"column":1}],"extensions":{"code":"MAX_DEPTH_EXCEEDED","limit":3,"measured":4}}]}""",
            result.ToJson());
    }

    [Fact]
    public async Task Introspection_does_not_count_towards_the_depth_limit()
    {
        var result = await Engine(new QueryLimits { MaxDepth = 1 }).ExecuteAsync(new GraphQLRequest { Query = "{ __schema { types { fields { type { ofType { name } } } } } }" });
        Assert.Null(result.Errors);
    }

    [Fact]
    public async Task The_alias_limit_counts_aliases_in_fragments_where_they_are_spread()
    {
        var result = await Engine(new QueryLimits { MaxAliases = 2 }).ExecuteAsync(new GraphQLRequest { Query = "{ a: uuid ...F ...F } fragment F on Query { b: uuid }" });
        Assert.Equal("Query uses 3 aliases, more than the maximum of 2.", Message(result));
    }

    [Fact]
    public async Task Complexity_multiplies_list_costs_by_their_size_argument_or_the_default()
    {
        var engine = Engine(new QueryLimits { MaxComplexity = 20, DefaultListSize = 10 });
        var fits = await engine.ExecuteAsync(new GraphQLRequest { Query = "query ($n: Int) { books(first: $n) { title } }", Variables = new Dictionary<string, object?> { ["n"] = 2L } });
        Assert.Null(fits.Errors);
        var tooComplex = await engine.ExecuteAsync(new GraphQLRequest { Query = "{ books { title author { name } } }" });
        Assert.Equal("Query complexity 31 exceeds the maximum allowed complexity of 20.", Message(tooComplex));
    }

    [Fact]
    public async Task A_persisted_query_is_found_by_hash_after_it_was_sent_once()
    {
        var engine = Engine();
        const string query = "{ uuid }";
        var hash = PersistedQueries.Sha256(query);
        var extensions = new Dictionary<string, object?> { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1L, ["sha256Hash"] = hash } };

        var unknown = await engine.ExecuteAsync(new GraphQLRequest { Extensions = extensions });
        Assert.Equal("""{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}""", unknown.ToJson());

        Assert.Null((await engine.ExecuteAsync(new GraphQLRequest { Query = query, Extensions = extensions })).Errors);
        var byHash = await engine.ExecuteAsync(new GraphQLRequest { Extensions = extensions });
        Assert.Equal("""{"data":{"uuid":"0190f5b8-8f1c-7cc3-9a35-0d4c0b5d7e21"}}""", byHash.ToJson());
    }

    [Fact]
    public async Task A_persisted_query_whose_hash_does_not_match_is_refused()
    {
        var extensions = new Dictionary<string, object?> { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1L, ["sha256Hash"] = new string('0', 64) } };
        Assert.Equal("provided sha does not match query", Message(await Engine().ExecuteAsync(new GraphQLRequest { Query = "{ uuid }", Extensions = extensions })));
    }

    [Fact]
    public async Task Subscribe_runs_a_query_once_as_a_one_item_stream()
    {
        var result = await Engine().SubscribeAsync(new GraphQLRequest { Query = "{ uuid }" });
        var items = new List<string>();
        await foreach (var item in result.Stream!)
        {
            items.Add(item.ToJson());
        }

        Assert.Single(items);
        Assert.NotNull(JsonDocument.Parse(items[0]).RootElement.GetProperty("data").GetProperty("uuid").GetString());
    }
}
