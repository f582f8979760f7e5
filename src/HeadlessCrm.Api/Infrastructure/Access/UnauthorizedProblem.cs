using HeadlessCrm.Api.Infrastructure.Http;

namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>401 as a problem document; WWW-Authenticate says why (RFC 6750 §3): no token, or an invalid one.</summary>
public static class UnauthorizedProblem
{
    public static async Task WriteAsync(HttpContext context, bool tokenWasInvalid)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = tokenWasInvalid
            ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or revoked.\""
            : "Bearer";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.Create(StatusCodes.Status401Unauthorized, "Unauthorized",
                tokenWasInvalid ? "The access token is invalid, expired or revoked." : "Send an access token: Authorization: Bearer <token>."),
        });
    }
}
