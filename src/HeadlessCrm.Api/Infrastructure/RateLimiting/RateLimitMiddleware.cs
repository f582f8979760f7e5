using System.Globalization;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Http;

namespace HeadlessCrm.Api.Infrastructure.RateLimiting;

/// <summary>
/// Limits each authenticated caller (workspace + token subject) and says how they stand in the IETF RateLimit header
/// fields; past the limit, a 429 problem with Retry-After.
/// </summary>
public static class RateLimitMiddleware
{
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var caller = context.RequestServices.GetRequiredService<RequestContext>();
        var limiter = context.RequestServices.GetRequiredService<RateLimiter>();
        if (!limiter.Options.Enabled || !caller.IsAuthenticated)
        {
            await next(context);
            return;
        }

        var decision = await limiter.AcquireAsync(caller.WorkspaceId, caller.Subject, context.RequestAborted);
        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = limiter.Options.Requests.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = ((int)decision.Reset.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        headers.RetryAfter = ((int)decision.Reset.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await Results.Problem(Problems.Create(StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This token may make {limiter.Options.Requests} requests per {limiter.Options.Window.TotalSeconds:0} seconds; retry after {(int)decision.Reset.TotalSeconds} s."))
            .ExecuteAsync(context);
    });
}
