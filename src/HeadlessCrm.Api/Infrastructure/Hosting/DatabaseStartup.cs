using HeadlessCrm.Api.Features.Workspaces;
using HeadlessCrm.Identity.Keys;
using HeadlessCrm.Postgres;

namespace HeadlessCrm.Api.Infrastructure.Hosting;

/// <summary>
/// Before the host serves anything: apply pending migrations as the owner (under an advisory lock, so hosts starting
/// together take turns), let the application role log in, make sure a signing key exists, and create the bootstrap
/// workspace and client if configured.
/// </summary>
public sealed class DatabaseStartup(DatabaseRoles roles, SigningKeyRing keys, IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public static readonly IReadOnlyList<SqlMigrator.Migration> Migrations = SqlMigrator.Load(typeof(DatabaseStartup).Assembly);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await SqlMigrator.MigrateAsync(roles.Owner, Migrations, cancellationToken);
        await roles.EnableApplicationLoginAsync(cancellationToken);
        await keys.RotateAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkspaceBootstrap>().RunAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
