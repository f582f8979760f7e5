using Npgsql;

namespace HeadlessCrm.Postgres.Tests;

public sealed class SqlMigratorTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"headlesscrm-mig-{Guid.NewGuid():N}");
    private EmbeddedPostgres _cluster = null!;

    public async ValueTask InitializeAsync() =>
        _cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDir = Path.Combine(_root, "pgdata"), Ephemeral = true });

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static readonly SqlMigrator.Migration[] Migrations =
    [
        new(1, "create", "CREATE TABLE things (id int PRIMARY KEY)"),
        new(2, "fill", "INSERT INTO things SELECT g FROM generate_series(1, 10) g"),
    ];

    [Fact]
    public async Task Hosts_migrating_at_the_same_time_apply_each_migration_once()
    {
        await _cluster.EnsureDatabaseAsync("race");
        var connectionString = _cluster.ConnectionString("race");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SqlMigrator.MigrateAsync(connectionString, Migrations)));

        Assert.Equal([1, 2], results.SelectMany(applied => applied).Order());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM things", connection);
        Assert.Equal(10L, await count.ExecuteScalarAsync());
        Assert.True(await SqlMigrator.IsCurrentAsync(connection, Migrations, CancellationToken.None));
    }

    [Fact]
    public async Task A_migration_changed_after_it_was_applied_stops_the_start()
    {
        await _cluster.EnsureDatabaseAsync("edited");
        var connectionString = _cluster.ConnectionString("edited");
        await SqlMigrator.MigrateAsync(connectionString, Migrations);

        var edited = new[] { Migrations[0] with { Sql = "CREATE TABLE things (id bigint PRIMARY KEY)" }, Migrations[1] };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqlMigrator.MigrateAsync(connectionString, edited));
        Assert.Contains("V1", error.Message);
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_itself_behind()
    {
        await _cluster.EnsureDatabaseAsync("failing");
        var connectionString = _cluster.ConnectionString("failing");
        var broken = new SqlMigrator.Migration[] { Migrations[0], new(2, "broken", "INSERT INTO things VALUES (1); SELECT no_such_function()") };

        await Assert.ThrowsAsync<PostgresException>(() => SqlMigrator.MigrateAsync(connectionString, broken));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM things", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        Assert.False(await SqlMigrator.IsCurrentAsync(connection, broken, CancellationToken.None));
    }
}
