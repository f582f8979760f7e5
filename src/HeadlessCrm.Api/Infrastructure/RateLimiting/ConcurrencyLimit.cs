using System.Globalization;
using System.Threading.RateLimiting;
using HeadlessCrm.Api.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Infrastructure.RateLimiting;

/// <summary>
/// Sheds load before a request holds anything: at most <see cref="ConcurrencyLimitOptions.MaxConcurrentRequests"/>
/// requests run at once, up to <see cref="ConcurrencyLimitOptions.QueueLimit"/> more wait in arrival order, and the
/// rest are answered 503 with Retry-After at once (one <see cref="ConcurrencyLimiter"/> per host, ahead of
/// authentication; one limiter rather than ASP.NET Core's partitioned middleware, whose partition lookup takes a
/// lock of its own on every request). Not counted: <c>/health/*</c>, which must answer while the host is saturated,
/// and WebSocket upgrades, whose connection lives as long as its subscriptions and would otherwise hold a permit all
/// that time. Everything else counts, the token endpoint included: issuing a token costs a signature and database
/// work like any request. A request whose caller goes away while it waits is dropped without an answer.
/// </summary>
public static class ConcurrencyLimit
{
    public static IServiceCollection AddConcurrencyLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConcurrencyLimitOptions>().Bind(configuration.GetSection(ConcurrencyLimitOptions.Section))
            .Validate(o => o.MaxConcurrentRequests > 0 && o.QueueLimit >= 0,
                "Crm:Limits:MaxConcurrentRequests must be at least 1 and Crm:Limits:QueueLimit at least 0.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<ConcurrencyLimitOptions>>().Value;
            return new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.MaxConcurrentRequests,
                QueueLimit = limits.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        });
        return services;
    }

    /// <summary>After <c>UseWebSockets</c>, which tells an upgrade apart, and before any per-request work.</summary>
    public static IApplicationBuilder UseConcurrencyLimit(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<ConcurrencyLimiter>();
        return app.Use(async (context, next) =>
        {
            if (IsExempt(context))
            {
                await next(context);
                return;
            }

            RateLimitLease lease;
            try
            {
                lease = await limiter.AcquireAsync(1, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            using (lease)
            {
                if (lease.IsAcquired) await next(context);
                else await RejectAsync(context);
            }
        });
    }

    private static bool IsExempt(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || context.WebSockets.IsWebSocketRequest;

    private static Task RejectAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(Problems.Unavailable(
                "The server is working on as many requests as it can; retry after the number of seconds in Retry-After."))
            .ExecuteAsync(context);
    }
}
