using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.Identity.Tokens;

/// <summary>An error response of the token endpoint (RFC 6749 §5.2).</summary>
public static class OAuthError
{
    public static IResult Result(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        new OAuthErrorResult(error, description, status);

    private sealed class OAuthErrorResult(string error, string description, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            if (status == StatusCodes.Status401Unauthorized)
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"token\"";
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string>
            {
                ["error"] = error,
                ["error_description"] = description,
            });
        }
    }
}
