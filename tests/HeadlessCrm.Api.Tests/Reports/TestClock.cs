namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>
/// The host's clock, moved by tests: real time plus an offset, so it keeps ticking. Tests set "now" to fixed instants
/// in the future to create history (deals created on one day, won ten days later) with exact durations.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Reset() => _offset = TimeSpan.Zero;

    public void Set(DateTimeOffset now) => _offset = now - System.GetUtcNow();
}
