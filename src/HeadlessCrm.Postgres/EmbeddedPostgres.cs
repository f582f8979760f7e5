using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace HeadlessCrm.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's binaries: initialised on first use, listening on
/// loopback only (no Unix socket), password-protected, stopped by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private const string PasswordFile = "crm-superuser-password";

    private readonly PostgresBinaries _binaries;
    private readonly string _dataDir;
    private readonly string _password;
    private readonly Lazy<Task> _stop;

    private EmbeddedPostgres(PostgresBinaries binaries, string dataDir, int port, string password)
    {
        _binaries = binaries;
        _dataDir = dataDir;
        Port = port;
        _password = password;
        _stop = new Lazy<Task>(StopAsync);
    }

    public int Port { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Initialises the cluster if needed, starts it and waits until it accepts connections.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.Locate();
        var dataDir = Path.GetFullPath(options.DataDir);
        var password = await InitialiseAsync(binaries, dataDir, ct);

        // A cluster left running by a process that died (no clean shutdown) still holds the data dir.
        await StopIfRunningAsync(binaries, dataDir, ct);

        var port = options.Port != 0 ? options.Port : FreeLoopbackPort();
        var settings = new Dictionary<string, string>
        {
            ["port"] = port.ToString(),
            ["listen_addresses"] = "127.0.0.1",
            ["unix_socket_directories"] = "",
        };
        if (options.Ephemeral)
        {
            settings["fsync"] = "off";
            settings["synchronous_commit"] = "off";
            settings["full_page_writes"] = "off";
        }
        foreach (var (name, value) in options.Settings) settings[name] = value;

        var serverOptions = string.Join(' ', settings.Select(s => $"-c {s.Key}='{s.Value}'"));
        await CommandRunner.RunAsync(binaries.PgCtl,
            ["-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"], ct);

        var cluster = new EmbeddedPostgres(binaries, dataDir, port, password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await cluster.WaitUntilAcceptingAsync(ct);
        return cluster;
    }

    /// <summary>Creates the database when it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, string? template = null, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;

        var sql = $"CREATE DATABASE {Quote(database)}" + (template is null ? "" : $" TEMPLATE {Quote(template)}");
        await using var create = new NpgsqlCommand(sql, connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stops the cluster; every caller, however many at once, returns when it has stopped.</summary>
    public ValueTask DisposeAsync() => new(_stop.Value);

    private async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await CommandRunner.RunAsync(_binaries.PgCtl, ["-D", _dataDir, "-m", "fast", "-w", "stop"], CancellationToken.None);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task<string> InitialiseAsync(PostgresBinaries binaries, string dataDir, CancellationToken ct)
    {
        var passwordPath = Path.Combine(dataDir, PasswordFile);
        if (File.Exists(Path.Combine(dataDir, "PG_VERSION")))
            return (await File.ReadAllTextAsync(passwordPath, ct)).Trim();

        Directory.CreateDirectory(dataDir);
        if (Directory.EnumerateFileSystemEntries(dataDir).Any())
            throw new InvalidOperationException($"{dataDir} is not empty and holds no PostgreSQL cluster; empty it or choose another data directory.");

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        // initdb wants an empty directory, so the password file goes next to it first.
        var pwFile = Path.Combine(Path.GetDirectoryName(dataDir)!, $".{Path.GetFileName(dataDir)}.pw");
        await File.WriteAllTextAsync(pwFile, password, ct);
        try
        {
            await CommandRunner.HandOverAsync(dataDir, ct);
            await CommandRunner.HandOverAsync(pwFile, ct);
            await CommandRunner.RunAsync(binaries.InitDb,
                ["-D", dataDir, "-U", SuperUser, "--pwfile", pwFile, "--auth", "scram-sha-256",
                 "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync"], ct);
        }
        finally
        {
            File.Delete(pwFile);
        }
        await File.WriteAllTextAsync(passwordPath, password, ct);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(passwordPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await CommandRunner.HandOverAsync(passwordPath, ct);
        return password;
    }

    private static async Task StopIfRunningAsync(PostgresBinaries binaries, string dataDir, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(dataDir, "postmaster.pid"))) return;
        try
        {
            await CommandRunner.RunAsync(binaries.PgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"], ct);
        }
        catch (InvalidOperationException)
        {
            // A stale pid file of a server that is gone: pg_ctl start copes with it.
        }
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
