using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// The background work that runs imports: each turn claims the oldest due job (queued, running under a lapsed lease,
/// or running under this host's own lease) with FOR UPDATE SKIP LOCKED and runs one chunk of it, so other background
/// work keeps its turns and any host can take over a job whose host died. A chunk that fails for a reason of ours
/// (not a bad row) is retried; after <see cref="ImportOptions.MaxFailures"/> in a row the job is marked failed.
/// </summary>
public sealed partial class ImportRunner(
    IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportRunner> log) : IBackgroundWork
{
    private readonly Guid _host = Guid.NewGuid();

    private sealed record Claim(Guid WorkspaceId, Guid ImportId);

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        Claim? claim;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            claim = (await db.Database.SqlQuery<Claim>($"""
                    SELECT workspace_id AS "WorkspaceId", import_id AS "ImportId"
                    FROM crm_claim_import({_host}, {clock.GetUtcNow().UtcDateTime}, {options.Value.ClaimLease})
                    """).ToListAsync(ct)).SingleOrDefault();
        }
        if (claim is null) return false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ImportChunk>().RunAsync(claim.WorkspaceId, claim.ImportId, _host, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailure(log, e, claim.ImportId);
            await CountFailureAsync(claim, ct);
            return true;
        }
    }

    private async Task CountFailureAsync(Claim claim, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Infrastructure.Access.RequestContext>().ActAsSystem(claim.WorkspaceId, []);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET failures = failures + 1, updated_at = {now},
                status = CASE WHEN failures + 1 >= {options.Value.MaxFailures} THEN 'failed' ELSE status END,
                error = CASE WHEN failures + 1 >= {options.Value.MaxFailures} THEN 'The import stopped on an error of ours; the rows before it were imported.' ELSE error END,
                finished_at = CASE WHEN failures + 1 >= {options.Value.MaxFailures} THEN {now} ELSE finished_at END
            WHERE workspace_id = {claim.WorkspaceId} AND id = {claim.ImportId} AND status = 'running'
            """, ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed on a chunk; it will be retried.")]
    private static partial void LogFailure(ILogger logger, Exception exception, Guid importId);
}
