using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Language;

namespace HeadlessCrm.GraphQL.Tests.Execution;

public class SubscriptionTests
{
    private readonly Library _library = new();

    [Fact]
    public async Task Each_source_event_is_executed_as_a_response()
    {
        var result = await Executor.SubscribeAsync(new ExecutionArgs(_library.Schema, Parser.Parse("subscription { bookAdded(count: 2) { title author { name } } }")));
        var responses = new List<string>();
        await foreach (var response in result.Stream!)
        {
            responses.Add(response.ToJson());
        }

        Assert.Equal(
            [
                """{"data":{"bookAdded":{"title":"The Dispossessed","author":{"name":"Ursula"}}}}""",
                """{"data":{"bookAdded":{"title":"Solaris","author":{"name":"Stanisław"}}}}""",
            ],
            responses);
        Assert.Equal(2, _library.AuthorBatches.Count);
    }

    [Fact]
    public async Task Subscribing_with_bad_variables_fails_without_a_stream()
    {
        var result = await Executor.SubscribeAsync(new ExecutionArgs(_library.Schema, Parser.Parse("subscription ($n: Int!) { bookAdded(count: $n) { title } }")));
        Assert.Null(result.Stream);
        Assert.Contains("was not provided", result.Failure!.Errors![0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_root_field_without_a_source_cannot_be_subscribed_to()
    {
        var result = await Executor.SubscribeAsync(new ExecutionArgs(_library.Schema, Parser.Parse("{ books { id } }")));
        Assert.Equal("Schema is not configured to execute query operation.", result.Failure!.Errors![0].Message);
    }
}
