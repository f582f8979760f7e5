using Npgsql;

namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>Runs ceiling SQL the way the host does: the workspace set in the same round trip, rows read to the end.</summary>
public static class Sql
{
    public static async Task ReadAllAsync(NpgsqlConnection connection, Guid workspaceId, string sql, CancellationToken ct, params object[] args)
    {
        await using var batch = Batch(connection, workspaceId, (sql, args));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
                for (var i = 0; i < reader.FieldCount; i++) reader.GetValue(i);
        } while (await reader.NextResultAsync(ct));
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, Guid workspaceId, CancellationToken ct, params (string Sql, object[] Args)[] statements)
    {
        await using var batch = Batch(connection, workspaceId, statements);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One round trip, one implicit transaction: set the workspace, then the statements.</summary>
    private static NpgsqlBatch Batch(NpgsqlConnection connection, Guid workspaceId, params (string Sql, object[] Args)[] statements)
    {
        var batch = new NpgsqlBatch(connection);
        var set = new NpgsqlBatchCommand("SELECT set_config('app.workspace_id', $1, false)");
        set.Parameters.Add(new NpgsqlParameter { Value = workspaceId.ToString() });
        batch.BatchCommands.Add(set);
        foreach (var (sql, args) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = arg });
            batch.BatchCommands.Add(command);
        }
        return batch;
    }
}
