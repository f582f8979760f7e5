using HeadlessCrm.Api.Infrastructure.Hosting;
using HeadlessCrm.Postgres;
using Npgsql;

namespace HeadlessCrm.Api.Features.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers and is fully migrated).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live")))
            .WithName("Live").WithSummary("The process is up");
        group.MapGet("/ready", async (NpgsqlDataSource database, CancellationToken ct) =>
            {
                try
                {
                    await using var connection = await database.OpenConnectionAsync(ct);
                    if (await SqlMigrator.IsCurrentAsync(connection, DatabaseStartup.Migrations, ct))
                        return Results.Ok(new HealthStatus("ready"));
                    return Results.Json(new HealthStatus("migrating"), statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                catch (NpgsqlException)
                {
                    return Results.Json(new HealthStatus("database unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .WithName("Ready").WithSummary("The database is reachable and migrated")
            .Produces<HealthStatus>().Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public sealed record HealthStatus(string Status);
}
