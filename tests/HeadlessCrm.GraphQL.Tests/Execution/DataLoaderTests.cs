using HeadlessCrm.GraphQL.Execution.DataLoading;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.GraphQL.Tests.Execution;

public class DataLoaderTests
{
    private readonly Library _library = new();

    [Fact]
    public async Task A_list_of_items_loads_a_relation_in_one_batch_call()
    {
        var json = await Library.RunAsync(_library.Schema, "{ books { title author { name } authorName } }");
        Assert.Equal(
            """{"data":{"books":[{"title":"The Dispossessed","author":{"name":"Ursula"},"authorName":"Ursula"},{"title":"Solaris","author":{"name":"Stanisław"},"authorName":"Stanisław"},{"title":"Earthsea","author":{"name":"Ursula"},"authorName":"Ursula"}]}}""",
            json);
        var batch = Assert.Single(_library.AuthorBatches);
        Assert.Equal([1, 2], batch);
    }

    [Fact]
    public async Task Keys_already_loaded_in_the_request_come_from_the_cache()
    {
        await Library.RunAsync(_library.Schema, "{ books { author { books { author { name } } } } }");
        Assert.Equal([1, 2], Assert.Single(_library.AuthorBatches));
    }

    [Fact]
    public async Task Group_loaders_batch_one_to_many_relations_and_take_field_arguments()
    {
        var json = await Library.RunAsync(_library.Schema, "{ books { id reviews(minStars: 4) { stars } all: reviews { stars } } }");
        Assert.Equal(
            """{"data":{"books":[{"id":"1","reviews":[{"stars":5},{"stars":4}],"all":[{"stars":5},{"stars":4}]},{"id":"2","reviews":[],"all":[{"stars":3}]},{"id":"3","reviews":[],"all":[]}]}}""",
            json);
        Assert.Equal([1, 2, 3], Assert.Single(_library.ReviewBatches));
    }

    [Fact]
    public async Task A_failing_batch_fails_each_field_that_waited_for_it()
    {
        var schema = new SchemaBuilder()
            .Query(q => q.Field("items", "[Int!]!", _ => new[] { 1, 2 }))
            .Object("Query", t => t.Field("item", "String", f => f.Resolve(c => c.DataLoader<int, string>("broken", (_, _) => throw new GraphQLException("Batch failed")).Load(1))))
            .Build();
        var json = await Library.RunAsync(schema, "{ a: item b: item }");
        Assert.Equal(
            """{"errors":[{"message":"Batch failed","locations":[{"line":1,"column":3}],"path":["a"]},{"message":"Batch failed","locations":[{"line":1,"column":11}],"path":["b"]}],"data":{"a":null,"b":null}}""",
            json);
    }

    [Fact]
    public async Task LoadAsync_dispatches_at_once_for_resolvers_that_need_the_value()
    {
        var calls = 0;
        var schema = new SchemaBuilder()
            .Query(q => q.Field("length", "Int", f => f.ResolveAsync(async c =>
            {
                var loader = c.DataLoader<int, string>("words", (keys, _) =>
                {
                    calls++;
                    return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => new string('x', k)));
                });
                var word = await loader.LoadAsync(3, c.CancellationToken);
                return word!.Length + (await loader.LoadAsync(3, c.CancellationToken))!.Length;
            })))
            .Build();
        Assert.Equal("""{"data":{"length":6}}""", await Library.RunAsync(schema, "{ length }"));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Registered_loader_classes_get_request_services_and_split_large_batches()
    {
        var batches = new List<int>();
        var services = new ServiceCollection().AddSingleton(batches).BuildServiceProvider();
        var schema = new SchemaBuilder()
            .Query(q => q.Field("numbers", "[Int!]!", _ => Enumerable.Range(1, 5)))
            .Object("Query", t => t.Field("squares", "[Int!]!", f => f.Resolve(c => Enumerable.Range(1, 5).Select(n => c.DataLoader<SquareLoader>().Load(n)).ToList())))
            .Build();
        var json = await Library.RunAsync(schema, "{ squares }", context: new RequestContext(services));
        Assert.Equal("""{"data":{"squares":[1,4,9,16,25]}}""", json);
        Assert.Equal([2, 2, 1], batches);
    }

    private sealed class SquareLoader : BatchDataLoader<int, int>
    {
        private readonly List<int> batches;

        public SquareLoader(List<int> batches)
        {
            this.batches = batches;
            MaxBatchSize = 2;
        }

        protected override Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            batches.Add(keys.Count);
            return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * k));
        }
    }
}
