namespace HeadlessCrm.Postgres;

/// <summary>Where initdb, pg_ctl and postgres live on this machine.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    /// <summary>Looks on PATH first, then in the newest /usr/lib/postgresql/*/bin (Debian's layout, not on PATH).</summary>
    public static PostgresBinaries Locate() => Locate(SearchDirectories());

    public static PostgresBinaries Locate(IEnumerable<string> directories)
    {
        foreach (var dir in directories)
        {
            if (Required.All(name => File.Exists(Path.Combine(dir, name))))
                return new PostgresBinaries(Path.Combine(dir, "initdb"), Path.Combine(dir, "pg_ctl"));
        }
        throw new PostgresNotInstalledException();
    }

    private static IEnumerable<string> SearchDirectories()
    {
        var pathDirs = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debianDirs = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];

        return pathDirs.Concat(debianDirs);
    }
}
