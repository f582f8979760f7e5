using Npgsql;

namespace HeadlessCrm.Postgres.Tests;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"headlesscrm-pg-{Guid.NewGuid():N}");

    private EmbeddedPostgresOptions Options => new() { DataDir = Path.Combine(_root, "pgdata"), Ephemeral = true };

    [Fact]
    public async Task A_cluster_starts_accepts_connections_and_keeps_its_data_across_restarts()
    {
        await using (var first = await EmbeddedPostgres.StartAsync(Options, TestContext.Current.CancellationToken))
        {
            await first.EnsureDatabaseAsync("kept", ct: TestContext.Current.CancellationToken);
            await ExecuteAsync(first.ConnectionString("kept"), "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('still here')");
        }

        await using var second = await EmbeddedPostgres.StartAsync(Options, TestContext.Current.CancellationToken);
        await using var connection = new NpgsqlConnection(second.ConnectionString("kept"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var read = new NpgsqlCommand("SELECT body FROM notes", connection);
        Assert.Equal("still here", await read.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_stopped_cluster_accepts_no_more_connections()
    {
        var cluster = await EmbeddedPostgres.StartAsync(Options, TestContext.Current.CancellationToken);
        var connectionString = cluster.ConnectionString("postgres") + ";Pooling=false;Timeout=2";
        await cluster.DisposeAsync();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(connectionString, "SELECT 1"));
        Assert.False(File.Exists(Path.Combine(Options.DataDir, "postmaster.pid")));
    }

    [Fact]
    public async Task The_cluster_listens_on_loopback_only_and_wants_a_password()
    {
        await using var cluster = await EmbeddedPostgres.StartAsync(Options, TestContext.Current.CancellationToken);
        var withoutPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Password = null, Pooling = false }.ConnectionString;
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync(withoutPassword, "SELECT 1"));
        await ExecuteAsync(cluster.ConnectionString("postgres"), "SELECT 1");
    }

    [Fact]
    public void Without_binaries_the_error_names_the_fix()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var error = Assert.Throws<PostgresNotInstalledException>(() => PostgresBinaries.Locate([empty]));
        Assert.Contains("install PostgreSQL", error.Message);
        Assert.Contains("ConnectionStrings__Crm", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
