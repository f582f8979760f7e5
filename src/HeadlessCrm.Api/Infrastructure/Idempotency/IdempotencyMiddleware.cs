using System.Security.Cryptography;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Infrastructure.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on POST (draft-ietf-httpapi-idempotency-key-header): the first request with a key runs and its
/// response is kept for 24 hours; a retry with the same key and the same request gets that response again (marked
/// <c>Idempotent-Replayed: true</c>), the same key with a different request is a 422, and a retry while the first is
/// still running is a 409. Responses that depend on the moment (401, 403, 429, 5xx) are not kept.
/// </summary>
public static class IdempotencyMiddleware
{
    public const string Header = "Idempotency-Key";
    private static readonly string[] KeptHeaders = ["Location", "ETag", "Content-Type"];

    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.Request.Headers[Header].ToString();
        var caller = context.RequestServices.GetRequiredService<RequestContext>();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || !caller.IsAuthenticated)
        {
            await next(context);
            return;
        }
        if (!IdempotencyKeys.IsValid(key))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "Idempotency-Key must be 1 to 255 visible ASCII characters.");
            return;
        }

        var keys = context.RequestServices.GetRequiredService<IdempotencyKeys>();
        var begun = await keys.BeginAsync(key, await HashAsync(context.Request));
        switch (begun.Outcome)
        {
            case IdempotencyKeys.Outcome.Reused:
                await Problem(context, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for a different request.");
                return;
            case IdempotencyKeys.Outcome.InProgress:
                await Problem(context, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress; retry later.");
                return;
            case IdempotencyKeys.Outcome.Replay:
                await ReplayAsync(context, begun.Record!);
                return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            kept = IsKept(context.Response.StatusCode);
            if (kept)
            {
                var headers = KeptHeaders
                    .Where(h => context.Response.Headers.ContainsKey(h))
                    .ToDictionary(h => h, h => context.Response.Headers[h].ToString());
                var body = buffer.ToArray();
                var status = context.Response.StatusCode;
                await keys.CompleteAsync(key, status, headers, body);
            }
        }
        finally
        {
            if (!kept) await keys.ForgetAsync(key);
            context.Response.Body = original;
            buffer.Position = 0;
            await buffer.CopyToAsync(original);
        }
    });

    private static bool IsKept(int status) =>
        status is >= 200 and < 500 and not (401 or 403 or 408 or 409 or 429);

    /// <summary>The request's identity: method, path, query and body bytes.</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        context.Response.StatusCode = record.StatusCode!.Value;
        foreach (var (name, value) in record.ResponseHeaders ?? []) context.Response.Headers[name] = value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.ResponseBody is { Length: > 0 } body) await context.Response.Body.WriteAsync(body);
    }

    private static Task Problem(HttpContext context, int status, string detail) =>
        Results.Problem(Problems.Create(status, status == 409 ? "Conflict" : status == 422 ? "Idempotency key reused" : "Bad request", detail))
            .ExecuteAsync(context);
}
