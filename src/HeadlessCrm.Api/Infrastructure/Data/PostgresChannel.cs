using HeadlessCrm.Api.Infrastructure.Hosting;
using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>
/// LISTENs on one PostgreSQL channel until stopped, on a connection of its own as the application's role (LISTEN needs
/// no table access), and hands on each notification's payload. A lost connection is reported and re-established
/// after a second; <c>onListening</c> runs each time the LISTEN is in place again (notifications sent while it was
/// down are lost).
/// </summary>
public static class PostgresChannel
{
    public static async Task ListenAsync(
        DatabaseRoles roles, string channel, Action<string> onNotification, Action onListening, Action<Exception> onLost, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(roles.Application) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, notification) => onNotification(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                onListening();
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onLost(e);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }
}
