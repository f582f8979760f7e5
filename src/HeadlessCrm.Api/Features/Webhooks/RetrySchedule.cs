namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>Exponential backoff with ±20% jitter (so receivers coming back are not hit by every sender at once).</summary>
public static class RetrySchedule
{
    public static TimeSpan After(int failedAttempts, WebhookOptions options, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Min(failedAttempts - 1, 30);
        var delay = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        delay *= 0.8 + Random.Shared.NextDouble() * 0.4;
        if (retryAfter is { } asked && asked.TotalMilliseconds > delay) delay = Math.Min(asked.TotalMilliseconds, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay);
    }

    /// <summary>429 and 408 are worth retrying, as is every 5xx; any other 4xx will fail the same way again.</summary>
    public static bool IsRetryable(int status) => status is 408 or 429 or >= 500;
}
