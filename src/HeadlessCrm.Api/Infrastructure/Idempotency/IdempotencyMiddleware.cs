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
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
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
        if (key.Length > 255 || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "Idempotency-Key must be 1 to 255 visible ASCII characters.");
            return;
        }

        var db = context.RequestServices.GetRequiredService<CrmDbContext>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var hash = await HashAsync(context.Request);
        var now = clock.GetUtcNow().UtcDateTime;

        if (!await ClaimAsync(db, caller, key, hash, now))
        {
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Subject == caller.Subject && r.Key == key);
            if (existing is null || existing.CreatedAt < now - Retention)
            {
                // Expired (or removed in between): forget it and run the request as new.
                await db.IdempotencyRecords.Where(r => r.Subject == caller.Subject && r.Key == key).ExecuteDeleteAsync();
                if (!await ClaimAsync(db, caller, key, hash, now))
                {
                    await Problem(context, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress; retry later.");
                    return;
                }
            }
            else if (existing.RequestHash != hash)
            {
                await Problem(context, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for a different request.");
                return;
            }
            else if (existing.StatusCode is null)
            {
                await Problem(context, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress; retry later.");
                return;
            }
            else
            {
                await ReplayAsync(context, existing);
                return;
            }
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
                await db.IdempotencyRecords.Where(r => r.Subject == caller.Subject && r.Key == key)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.StatusCode, status)
                        .SetProperty(r => r.ResponseHeaders, headers)
                        .SetProperty(r => r.ResponseBody, body));
            }
        }
        finally
        {
            if (!kept) await db.IdempotencyRecords.Where(r => r.Subject == caller.Subject && r.Key == key).ExecuteDeleteAsync();
            context.Response.Body = original;
            buffer.Position = 0;
            await buffer.CopyToAsync(original);
        }
    });

    private static bool IsKept(int status) =>
        status is >= 200 and < 500 and not (401 or 403 or 408 or 409 or 429);

    private static async Task<bool> ClaimAsync(CrmDbContext db, RequestContext caller, string key, string hash, DateTime now) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_keys (workspace_id, subject, key, request_hash, created_at)
            VALUES ({caller.WorkspaceId}, {caller.Subject}, {key}, {hash}, {now})
            ON CONFLICT DO NOTHING
            """) == 1;

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
