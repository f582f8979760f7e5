using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Http;
using HeadlessCrm.GraphQL;
using HeadlessCrm.GraphQL.Execution;
using Microsoft.AspNetCore.Mvc;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// Failures become GraphQL errors and user errors through the same mapping REST turns into problem details
/// (<see cref="ProblemExceptionHandler.Map"/>), so both transports name the same field, reason and kind of failure.
/// </summary>
public static class GraphErrors
{
    /// <summary>The engine's error filter: a field that fails with a client-caused problem gets an error with a code.</summary>
    public static GraphQLError? Filter(Exception exception, IResolveContext context)
    {
        if (ProblemExceptionHandler.ToProblem(exception) is not { } problem) return null;
        var extensions = new Dictionary<string, object?> { ["code"] = Code(problem.Status) };
        if (exception is MissingScopeException missing) extensions["scope"] = missing.Scope;
        if (problem is HttpValidationProblemDetails validation) extensions["errors"] = validation.Errors.ToDictionary(e => e.Key, e => (object?)e.Value);
        return new GraphQLError(Message(problem), extensions: extensions, originalException: exception);
    }

    /// <summary>A mutation's failure as userErrors; null when it is not the client's doing (the field then fails).</summary>
    public static IReadOnlyList<UserError>? UserErrors(Exception exception)
    {
        if (exception is MissingScopeException || ProblemExceptionHandler.ToProblem(exception) is not { } problem) return null;
        var code = Code(problem.Status);
        if (problem is HttpValidationProblemDetails validation)
            return validation.Errors.SelectMany(e => e.Value.Select(message => new UserError(e.Key, message, code))).ToList();
        return [new UserError(null, problem.Detail ?? problem.Title ?? "The request failed.", code)];
    }

    /// <summary>The problem's detail, or its field errors spelled out (<c>filter.and[0]: Unknown field.</c>).</summary>
    private static string Message(ProblemDetails problem) => problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation
        ? string.Join(" ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
        : problem.Detail ?? problem.Title ?? "The request failed.";

    public static string Code(int? status) => status switch
    {
        400 => "BAD_USER_INPUT",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        409 => "CONFLICT",
        412 => "PRECONDITION_FAILED",
        422 => "VALIDATION_FAILED",
        _ => "BAD_REQUEST",
    };
}

/// <summary>Why a mutation was refused: the input field (as REST's problem <c>errors</c> names it), the reason, a code.</summary>
public sealed record UserError(string? Field, string Message, string Code);
