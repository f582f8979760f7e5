using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.Http;

/// <summary>
/// Failures that mean the database could not serve the request in time, not that the request is wrong: the connection
/// pool stayed exhausted past its Timeout (an NpgsqlException around a TimeoutException), PostgreSQL cancelled a
/// statement that ran past statement_timeout (57014), or it refused a new connection because its slots were taken
/// (53300, when the hosts' pools together exceed max_connections) or it is starting up or shutting down (57P03), or it
/// aborted the transaction to break a deadlock with another writer (40P01: two transactions changing a contact and its
/// deal in opposite orders, whose report triggers lock the deal). All pass on a retry, so the caller is told to retry.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>True also when wrapped (EF's DbUpdateException); not for a cancellation the caller asked for.</summary>
    public static bool Is(Exception exception)
    {
        if (exception is OperationCanceledException) return false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { InnerException: TimeoutException }) return true;
            if (e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow
                    or PostgresErrorCodes.DeadlockDetected })
                return true;
        }
        return false;
    }
}
