namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>A list scenario that can ask for other page sizes: its SQL command count must not grow with them.</summary>
public interface IPagedScenario : IScenario
{
    Task<HttpResponseMessage> SendPageAsync(HttpClient http, int limit, CancellationToken ct);
}
