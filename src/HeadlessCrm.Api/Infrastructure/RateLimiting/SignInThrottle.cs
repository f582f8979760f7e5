using HeadlessCrm.Identity;
using HeadlessCrm.Identity.Accounts;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Infrastructure.RateLimiting;

/// <summary>
/// Failed sign-ins drawn from a token bucket of the shared rate limiter: <c>SignInFailuresAllowed</c> failures per
/// email and address, refilling over <c>SignInFailureWindow</c>. An empty bucket refuses the next attempt before the
/// password is even checked. Successful sign-ins cost nothing.
/// </summary>
public sealed class SignInThrottle(RateLimiter limiter, IOptions<IdentityServerOptions> options, TimeProvider clock) : ISignInThrottle
{
    public async Task<bool> IsLockedAsync(Guid workspaceId, string key, CancellationToken ct)
    {
        var (_, remaining) = await limiter.TakeFromBucketAsync(Bucket(workspaceId, key), want: 0, clock.GetUtcNow().UtcDateTime, ct);
        return remaining < 1;
    }

    public Task RecordFailureAsync(Guid workspaceId, string key, CancellationToken ct) =>
        limiter.TakeFromBucketAsync(Bucket(workspaceId, key), want: 1, clock.GetUtcNow().UtcDateTime, ct);

    private RateLimiter.Bucket Bucket(Guid workspaceId, string key)
    {
        var allowed = options.Value.SignInFailuresAllowed;
        return new RateLimiter.Bucket(workspaceId, "sign-in:" + key, allowed, allowed / options.Value.SignInFailureWindow.TotalSeconds);
    }
}
