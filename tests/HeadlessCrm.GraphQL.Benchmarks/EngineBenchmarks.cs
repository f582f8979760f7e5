using BenchmarkDotNet.Attributes;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Pipeline;
using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Validation;

namespace HeadlessCrm.GraphQL.Benchmarks;

/// <summary>
/// Engine time only: an in-memory schema, so parse, validation, execution and result writing are all that is measured.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    /// <summary>A typical list screen: 20 orders with variables, a fragment, nested lists and two batched relations.</summary>
    public const string MidSizeQuery = """
        query Orders($status: OrderStatus, $first: Int) {
          orders(status: $status, first: $first) {
            ...OrderSummary
            lines { quantity price product { id name sku price } }
            customer { id name email tier }
          }
        }
        fragment OrderSummary on Order { id number status placedAt total currency note }
        """;

    /// <summary>Exactly 50 fields selected, one object deep: the per-field cost of the engine.</summary>
    public const string FiftyFieldQuery = """
        {
          a: order(id: "1") { id number status placedAt total currency note customer { id name email city country tier since orders spent active } }
          b: order(id: "2") { id number status placedAt total currency note customer { id name email city country tier since orders spent active } }
          c: order(id: "3") { id number status placedAt total currency note }
        }
        """;

    private static readonly IReadOnlyDictionary<string, object?> Variables = new Dictionary<string, object?> { ["status"] = "SHIPPED", ["first"] = 20 };

    private Schema _schema = null!;
    private GraphQLEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = StoreSchema.Build();
        _engine = new GraphQLEngine(_schema, new GraphQLEngineOptions { Limits = QueryLimits.None });
        _engine.Prepare(MidSizeQuery);
        _engine.Prepare(FiftyFieldQuery);
    }

    [Benchmark]
    public object Parse_mid_size() => Parser.Parse(MidSizeQuery);

    [Benchmark]
    public object Validate_mid_size() => DocumentValidator.Validate(_schema, Parser.Parse(MidSizeQuery), SpecifiedRules.All, 100);

    [Benchmark]
    public Task<string> Parse_validate_execute_mid_size() =>
        ToJson(new GraphQLEngine(_schema, new GraphQLEngineOptions { Limits = QueryLimits.None }), MidSizeQuery, Variables);

    [Benchmark]
    public Task<string> Cached_execute_mid_size() => ToJson(_engine, MidSizeQuery, Variables);

    [Benchmark(Baseline = true)]
    public Task<string> Cached_execute_fifty_fields() => ToJson(_engine, FiftyFieldQuery, null);

    private static async Task<string> ToJson(GraphQLEngine engine, string query, IReadOnlyDictionary<string, object?>? variables)
    {
        var result = await engine.ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables });
        return result.ToJson();
    }
}
