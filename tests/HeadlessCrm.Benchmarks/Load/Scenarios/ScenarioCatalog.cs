namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>Every scenario, in the order they run; <c>--scenarios</c> picks by name (or a word of it).</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All() =>
    [
        new GetContactById(),
        new ListDealsByStage(depth: 0),
        new ListDealsByStage(depth: 10_000),
        new CreateContact(),
        new UpdateDeal(),
        new SearchContacts(),
        new GraphQLDealsPage(),
        new ForecastReport(),
    ];
}
