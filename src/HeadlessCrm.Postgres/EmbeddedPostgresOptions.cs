namespace HeadlessCrm.Postgres;

/// <summary>How to run a private PostgreSQL cluster from the machine's PostgreSQL binaries.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>The cluster's data directory; created (initdb) when it holds no cluster yet, kept between runs.</summary>
    public required string DataDir { get; init; }

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Throwaway clusters (tests) trade crash safety for speed: no fsync, no full-page writes.
    /// Never set for a cluster whose data is kept.
    /// </summary>
    public bool Ephemeral { get; init; }

    /// <summary>Extra <c>-c name=value</c> server settings.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
