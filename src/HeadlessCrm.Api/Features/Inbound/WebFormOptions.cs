namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>Configuration <c>Crm:Forms</c>: limits of public form submissions.</summary>
public sealed class WebFormOptions
{
    public const string Section = "Crm:Forms";

    /// <summary>Submissions one form key may make per <see cref="Window"/> (a burst of as many, then an even pace).</summary>
    public int Submissions { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A form submission's body is at most this many bytes.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;
}
