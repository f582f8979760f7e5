namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>A clock a test moves by hand. It starts at the real time, so tokens it stamps are valid to real validators.</summary>
public sealed class FakeClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    /// <summary>To a fixed instant, e.g. to build history on known days with exact durations between them.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    /// <summary>Back to the real time, as each test starts: OAuth tokens it stamps then pass real-time validation.</summary>
    public void Reset() => Interlocked.Exchange(ref _ticks, DateTimeOffset.UtcNow.UtcTicks);
}
