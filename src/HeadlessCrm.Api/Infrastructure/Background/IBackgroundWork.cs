namespace HeadlessCrm.Api.Infrastructure.Background;

/// <summary>
/// One kind of background work (fanning out events, delivering webhooks, firing reminders). Each run claims due rows
/// with FOR UPDATE SKIP LOCKED and a lease, so any number of hosts can run it at once and a dead host's claims lapse.
/// </summary>
public interface IBackgroundWork
{
    /// <summary>Does one batch; true if there was work (the runner then asks again at once).</summary>
    Task<bool> RunOnceAsync(CancellationToken ct);
}
