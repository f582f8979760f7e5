using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>
/// Tells PostgreSQL the caller's workspace before every statement the DbContext sends, so its row-level security
/// policies filter by it: queries get <c>SET app.workspace_id = '…';</c> in front, in the same round trip. A
/// SaveChanges batch cannot carry it (EF counts the rows each statement of its batch affected by position), so it
/// gets the SET as a separate statement just before it — unless, inside the same transaction, a command that set
/// this workspace has already succeeded: then the session holds it, and the batch goes alone. Anything that could
/// undo that SET (a rollback, to a savepoint or whole, a failed command, a new transaction) forgets it, so the
/// separate SET comes back: fail-closed.
/// </summary>
public sealed class WorkspaceSessionInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
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

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Remember(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Remember(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Remember(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Remember(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Remember(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Remember(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Forget(eventData.Context);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Stamp(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges)
        {
            command.CommandText = SetWorkspace(eventData) + command.CommandText;
            return;
        }
        if (AlreadySet(command, eventData)) return;
        using var set = Separate(command, eventData);
        set.ExecuteNonQuery();
        Remember(command, eventData);
    }

    private static async ValueTask StampAsync(DbCommand command, CommandEventData eventData, CancellationToken ct)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges)
        {
            command.CommandText = SetWorkspace(eventData) + command.CommandText;
            return;
        }
        if (AlreadySet(command, eventData)) return;
        await using var set = Separate(command, eventData);
        await set.ExecuteNonQueryAsync(ct);
        Remember(command, eventData);
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
        var workspace = Workspace(eventData);
        return $"SET app.workspace_id = '{(workspace == Guid.Empty ? "" : workspace.ToString("D"))}';\n";
    }

    private static Guid Workspace(CommandEventData eventData) => (eventData.Context as CrmDbContext)?.Caller.WorkspaceId ?? Guid.Empty;

    private static bool AlreadySet(DbCommand command, CommandEventData eventData) =>
        command.Transaction is not null && eventData.Context is CrmDbContext { WorkspaceSetInTransaction: { } set } && set == Workspace(eventData);

    /// <summary>A command of this context succeeded inside a transaction: its SET (in front, or separate) stands until that transaction ends.</summary>
    private static void Remember(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is not CrmDbContext context) return;
        context.WorkspaceSetInTransaction = command.Transaction is null ? null : Workspace(eventData);
    }

    private static void Forget(DbContext? context)
    {
        if (context is CrmDbContext crm) crm.WorkspaceSetInTransaction = null;
    }

    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    DbTransaction IDbTransactionInterceptor.TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionUsedAsync(
        DbConnection connection, TransactionEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }
}
