namespace HeadlessCrm.Postgres;

/// <summary>The machine has no PostgreSQL server binaries, so no embedded cluster can start.</summary>
public sealed class PostgresNotInstalledException() : Exception(
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin: " +
    "install PostgreSQL (e.g. `apt-get install postgresql`) or set ConnectionStrings__Crm to an existing server.");
