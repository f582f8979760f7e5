namespace HeadlessCrm.Api.Features.Import;

/// <summary>Configuration <c>Crm:Import</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Crm:Import";

    /// <summary>Rows run per transaction: the batch size, so each row goes through exactly what a batch operation does.</summary>
    public const int ChunkSize = 100;

    /// <summary>The largest CSV upload (413 beyond); other request bodies keep <c>Crm:Api:MaxRequestBodyBytes</c>.</summary>
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>The longest row, in characters (a quote never closed would otherwise swallow the rest of the file).</summary>
    public int MaxRowChars { get; set; } = 1024 * 1024;

    /// <summary>How long a host's claim on a running job lasts without progress before another host takes it over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the failed rows of an ended job are kept for the errors download (they hold the file's data).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many times a chunk may fail unexpectedly (not a bad row: a fault) before the job is marked failed.</summary>
    public int MaxFailures { get; set; } = 3;
}
