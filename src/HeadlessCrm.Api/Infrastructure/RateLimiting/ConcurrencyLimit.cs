using System.Globalization;
using System.Threading.RateLimiting;
using HeadlessCrm.Api.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Infrastructure.RateLimiting;

/// <summary>
/// Sheds load before a request holds anything: at most <see cref="ConcurrencyLimitOptions.MaxConcurrentRequests"/>
/// requests run at once, up to <see cref="ConcurrencyLimitOptions.QueueLimit"/> more wait in arrival order, and the
/// rest are answered 503 with Retry-After at once (ASP.NET Core's concurrency limiter, ahead of authentication).
/// Not counted: <c>/health/*</c>, which must answer while the host is saturated, and WebSocket upgrades, whose
/// connection lives as long as its subscriptions and would otherwise hold a permit all that time. Everything else
/// counts, the token endpoint included: issuing a token costs a signature and database work like any request.
/// </summary>
public static class ConcurrencyLimit
{
    private const string Counted = "requests";
    private const string Exempt = "exempt";

    public static IServiceCollection AddConcurrencyLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConcurrencyLimitOptions>().Bind(configuration.GetSection(ConcurrencyLimitOptions.Section))
            .Validate(o => o.MaxConcurrentRequests > 0 && o.QueueLimit >= 0,
                "Crm:Limits:MaxConcurrentRequests must be at least 1 and Crm:Limits:QueueLimit at least 0.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ConcurrencyLimitOptions>>((limiter, configured) =>
        {
            var limits = new ConcurrencyLimiterOptions
            {
                PermitLimit = configured.Value.MaxConcurrentRequests,
                QueueLimit = configured.Value.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            };
            Func<string, ConcurrencyLimiterOptions> factory = _ => limits;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsExempt(context)
                ? RateLimitPartition.GetNoLimiter(Exempt)
                : RateLimitPartition.GetConcurrencyLimiter(Counted, factory));
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (rejected, _) => RejectAsync(rejected.HttpContext);
        });
        return services;
    }

    /// <summary>After <c>UseWebSockets</c>, which tells an upgrade apart, and before any per-request work.</summary>
    public static IApplicationBuilder UseConcurrencyLimit(this IApplicationBuilder app) => app.UseRateLimiter();

    private static bool IsExempt(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || context.WebSockets.IsWebSocketRequest;

    private static ValueTask RejectAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Results.Problem(Problems.Unavailable(
                "The server is working on as many requests as it can; retry after the number of seconds in Retry-After."))
            .ExecuteAsync(context));
    }
}
