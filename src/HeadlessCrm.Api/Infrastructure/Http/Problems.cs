using Microsoft.AspNetCore.Mvc;

namespace HeadlessCrm.Api.Infrastructure.Http;

/// <summary>The RFC 9457 problem documents the API answers with; <c>type</c> links to docs/errors.md.</summary>
public static class Problems
{
    private const string TypeBase = "https://headlesscrm.dev/problems/";

    /// <summary>What a 503 tells the caller to wait before retrying (Retry-After), whichever limit turned it away.</summary>
    public const int RetryAfterSeconds = 2;

    public static ProblemDetails Create(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = TypeBase + Slug(status);
        return problem;
    }

    /// <summary>The request was turned away for lack of capacity and may be retried as it is (with Retry-After).</summary>
    public static ProblemDetails Unavailable(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);

    public static IResult Result(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(Create(status, title, detail, errors));

    private static string Slug(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        412 => "precondition-failed",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        422 => "validation",
        428 => "precondition-required",
        429 => "rate-limited",
        503 => "unavailable",
        _ => "error",
    };
}
