namespace HeadlessCrm.Api.Infrastructure.Background;

/// <summary>Configuration <c>Crm:Background</c>.</summary>
public sealed class BackgroundOptions
{
    public const string Section = "Crm:Background";

    /// <summary>Off, this host serves requests only; other hosts do the background work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for due work when no event wakes the runner earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
