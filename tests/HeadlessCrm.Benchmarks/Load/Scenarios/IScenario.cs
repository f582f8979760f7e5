using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>
/// One thing a client does, measured over HTTP and, where it has one, as the equivalent SQL sent straight through
/// Npgsql: the ceiling the HTTP figure is a fraction of. Add a scenario by adding a class and listing it in
/// <see cref="ScenarioCatalog"/>.
/// </summary>
public interface IScenario
{
    string Name { get; }

    /// <summary>Finds the data it needs; returns why it cannot run (e.g. its endpoint is not there yet), or null.</summary>
    Task<string?> PrepareAsync(ScenarioContext context);

    /// <summary>The request(s); returns the last response, read to the end, or throws <see cref="ScenarioException"/>.</summary>
    Task<HttpResponseMessage> SendAsync(HttpClient http, long iteration, CancellationToken ct);

    /// <summary>The same work as SQL on a connection as crm_app with the workspace set; null when there is none.</summary>
    Func<NpgsqlConnection, long, CancellationToken, Task>? Ceiling { get; }
}

public sealed class ScenarioException(string message) : Exception(message);
