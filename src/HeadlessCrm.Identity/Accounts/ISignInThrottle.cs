namespace HeadlessCrm.Identity.Accounts;

/// <summary>
/// Slows password guessing at the sign-in page: failed attempts are counted per key (email and client address) in
/// the client's workspace; the host keeps the counts where every host sees them.
/// </summary>
public interface ISignInThrottle
{
    Task<bool> IsLockedAsync(Guid workspaceId, string key, CancellationToken ct);

    Task RecordFailureAsync(Guid workspaceId, string key, CancellationToken ct);
}
