using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>
/// Tells PostgreSQL the caller's workspace before every statement the DbContext sends, so its row-level security
/// policies filter by it: queries get <c>SET app.workspace_id = '…';</c> in front, in the same round trip. A
/// SaveChanges batch gets the SET as a separate statement just before it, because EF counts the rows each statement
/// of its batch affected and a statement in front would shift that count.
/// </summary>
public sealed class WorkspaceSessionInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Stamp(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await StampAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Stamp(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StampAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Stamp(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await StampAsync(command, eventData, cancellationToken);
        return result;
    }

    private static void Stamp(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges)
        {
            command.CommandText = SetWorkspace(eventData) + command.CommandText;
            return;
        }
        using var set = Separate(command, eventData);
        set.ExecuteNonQuery();
    }

    private static async ValueTask StampAsync(DbCommand command, CommandEventData eventData, CancellationToken ct)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges)
        {
            command.CommandText = SetWorkspace(eventData) + command.CommandText;
            return;
        }
        await using var set = Separate(command, eventData);
        await set.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Separate(DbCommand command, CommandEventData eventData)
    {
        var set = command.Connection!.CreateCommand();
        set.Transaction = command.Transaction;
        set.CommandText = SetWorkspace(eventData);
        return set;
    }

    /// <summary>A Guid prints as hex and dashes only, so it is safe inline; an empty setting means "no workspace".</summary>
    private static string SetWorkspace(CommandEventData eventData)
    {
        var workspace = (eventData.Context as CrmDbContext)?.Caller.WorkspaceId ?? Guid.Empty;
        return $"SET app.workspace_id = '{(workspace == Guid.Empty ? "" : workspace.ToString("D"))}';\n";
    }
}
