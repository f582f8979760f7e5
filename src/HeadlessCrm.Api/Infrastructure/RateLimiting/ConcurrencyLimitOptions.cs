namespace HeadlessCrm.Api.Infrastructure.RateLimiting;

/// <summary>
/// How many requests one host works on at once, and how many more may wait for a turn (configuration
/// <c>Crm:Limits</c>). The defaults fit a two-core host with the request pool's 30 connections: more requests in
/// progress than connections only wait for one while holding their memory, and a queue of 128 is about half a second
/// of creates on such a box. Past both, a request is answered 503 with Retry-After before any work is done for it.
/// </summary>
public sealed class ConcurrencyLimitOptions
{
    public const string Section = "Crm:Limits";

    public int MaxConcurrentRequests { get; set; } = 32;

    public int QueueLimit { get; set; } = 128;
}
