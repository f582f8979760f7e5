using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// The transaction of one record write: begun before its first read when none is open (and then committed by it), or
/// the caller's open one (a batch, an import chunk, a merge), which its owner commits. In its own transaction a write
/// takes no savepoint around its save: any failure undoes the whole write, and a savepoint is two more round trips.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly CrmDbContext _db;
    private readonly IDbContextTransaction? _owned;
    private readonly bool _savepoints;

    private WriteTransaction(CrmDbContext db, IDbContextTransaction? owned)
    {
        _db = db;
        _owned = owned;
        _savepoints = db.Database.AutoSavepointsEnabled;
    }

    public static async Task<WriteTransaction> BeginAsync(CrmDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return new WriteTransaction(db, owned: null);
        var write = new WriteTransaction(db, await db.Database.BeginTransactionAsync(ct));
        db.Database.AutoSavepointsEnabled = false;
        return write;
    }

    public Task CommitAsync(CancellationToken ct) => _owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_owned is null) return;
        _db.Database.AutoSavepointsEnabled = _savepoints;
        await _owned.DisposeAsync();
    }
}
