using System.Text.Json;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HeadlessCrm.Api.Infrastructure.Http;

/// <summary>
/// The one place exceptions become responses: each failure a client can cause maps to a 4xx problem naming the field
/// and the reason; a database too busy to answer in time is a 503 to retry; anything else is a 500 that reveals nothing.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            LogUnhandled(log, exception, context.Request.Method, context.Request.Path);
            problem = Problems.Create(StatusCodes.Status500InternalServerError, "Internal server error",
                "Something went wrong on our side; the request may be retried.");
        }
        if (exception is MissingScopeException missing)
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{missing.Scope}\"";
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            LogDatabaseBusy(log, exception, context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem a client-caused failure becomes; null for a fault of ours. Batches use it per operation.</summary>
    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        RuleViolationException e => Problems.Create(StatusCodes.Status422UnprocessableEntity, "The request breaks a rule", null, e.Errors),
        InvalidQueryException e => Invalid(e.Field, e.Reason),
        RecordNotFoundException e => Problems.Create(StatusCodes.Status404NotFound, "Not found", e.Message),
        ConflictException e => Problems.Create(StatusCodes.Status409Conflict, "Conflict", e.Message,
            e.Field is null ? null : new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
        PreconditionFailedException e => Problems.Create(StatusCodes.Status412PreconditionFailed, "Precondition failed", e.Message),
        DbUpdateConcurrencyException => Problems.Create(StatusCodes.Status412PreconditionFailed, "Precondition failed",
            "The record changed while this request ran; read it again and retry."),
        MissingScopeException e => Problems.Create(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            Problems.Create(StatusCodes.Status409Conflict, "Conflict", "A record with the same unique value already exists."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } e } =>
            Problems.Create(StatusCodes.Status422UnprocessableEntity, "The request breaks a rule", null,
                new Dictionary<string, string[]> { [ReferenceField(e)] = ["Does not refer to an existing record of this workspace."] }),
        BadHttpRequestException e => FromBadRequest(e),
        _ when DatabaseBusy.Is(exception) => Problems.Unavailable(
            "The database is too busy to answer in time; retry after the number of seconds in Retry-After."),
        _ => null,
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json) return FromJson(json);
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return Problems.Create(e.StatusCode, "Payload too large", e.Message);
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return Problems.Create(e.StatusCode, "Unsupported media type", "Send the body as application/json.");
        return Problems.Create(e.StatusCode, "Bad request", e.Message);
    }

    /// <summary>System.Text.Json names the offending member as a path ($.address.latitude); we name it address.latitude.</summary>
    private static ProblemDetails FromJson(JsonException e)
    {
        var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
        var reason = e.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        if (reason.Contains("could not be mapped", StringComparison.Ordinal)) reason = "Unknown field.";
        else if (reason.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)) reason = "The value has the wrong type or is not one of the allowed values.";
        return Invalid(field, reason);
    }

    /// <summary>contacts_workspace_id_company_id_fkey → companyId: the last column of the foreign key, in the API's spelling.</summary>
    private static string ReferenceField(PostgresException e)
    {
        var name = e.ConstraintName ?? "";
        if (name.EndsWith("_fkey", StringComparison.Ordinal)) name = name[..^"_fkey".Length];
        var column = name.Split("_id_").LastOrDefault() ?? name;
        column = column.EndsWith("_id", StringComparison.Ordinal) ? column : column + "_id";
        return JsonNamingPolicy.CamelCase.ConvertName(string.Concat(column.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..])));
    }

    private static ProblemDetails Invalid(string field, string reason) =>
        Problems.Create(StatusCodes.Status400BadRequest, "The request is malformed", null, new Dictionary<string, string[]> { [field] = [reason] });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database busy (pool exhausted or statement timed out) on {Method} {Path}")]
    private static partial void LogDatabaseBusy(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
