using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Tests.Execution;

/// <summary>Resolvers of one request share per-request services (one DbContext), so they must never overlap.</summary>
public class SequentialExecutionTests
{
    private sealed class Probe
    {
        private int _running;

        public int MaxConcurrency { get; private set; }

        public List<string> Order { get; } = [];

        public async Task<string> Work(string name)
        {
            MaxConcurrency = Math.Max(MaxConcurrency, Interlocked.Increment(ref _running));
            Order.Add(name);
            await Task.Delay(5);
            Interlocked.Decrement(ref _running);
            return name;
        }
    }

    [Fact]
    public async Task Async_sibling_and_list_item_resolvers_run_one_at_a_time_in_selection_order()
    {
        var probe = new Probe();
        var schema = new SchemaBuilder()
            .Object<int>("Item", t => t.Field("label", "String!", f => f.ResolveAsync(c => probe.Work($"label{c.Parent}"))))
            .Query(q => q
                .Field("a", "String!", f => f.ResolveAsync(_ => probe.Work("a")))
                .Field("b", "String!", f => f.ResolveAsync(_ => probe.Work("b")))
                .Field("items", "[Item!]!", _ => new[] { 1, 2, 3 }))
            .Build();
        var json = await Library.RunAsync(schema, "{ a b items { label } }");
        Assert.Equal("""{"data":{"a":"a","b":"b","items":[{"label":"label1"},{"label":"label2"},{"label":"label3"}]}}""", json);
        Assert.Equal(1, probe.MaxConcurrency);
        Assert.Equal(["a", "b", "label1", "label2", "label3"], probe.Order);
    }

    [Fact]
    public async Task The_request_items_bag_is_shared_by_all_resolvers_of_a_request()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("first", "Int", f => f.Resolve(c => c.Items["count"] = 1))
                .Field("second", "Int", f => f.Resolve(c => (int)c.Items["count"]! + 1)))
            .Build();
        Assert.Equal("""{"data":{"first":1,"second":2}}""", await Library.RunAsync(schema, "{ first second }", context: new RequestContext()));
    }
}
