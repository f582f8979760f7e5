using HeadlessCrm.Api.Infrastructure.Background;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// Deletes the staged rows (the failed rows kept for the errors download) of imports that ended more than
/// <see cref="ImportOptions.Retention"/> ago: they hold the file's personal data. At most once a minute per host.
/// </summary>
public sealed class ImportRowsPurge(IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider clock) : IBackgroundWork
{
    private DateTime _next;

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _next) return false;
        _next = now.AddMinutes(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.Database.SqlQuery<int>($"SELECT crm_purge_import_rows({now - options.Value.Retention}) AS \"Value\"").ToListAsync(ct);
        return false;
    }
}
