using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace HeadlessCrm.Identity.Authorize;

/// <summary>
/// The only HTML the host serves: sign-in and consent in one form, and the page for requests that cannot go back to
/// their client. Everything shown is encoded; the page may not be framed, cached or scripted.
/// </summary>
public static class SignInPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public sealed record Form(
        string ClientName, IReadOnlyList<(string Scope, string Description)> Scopes, AuthorizeRequest Request,
        string AntiforgeryField, string AntiforgeryToken, string Email, string? Error);

    public static IResult SignIn(Form form, int status = StatusCodes.Status200OK)
    {
        var body = new StringBuilder();
        body.Append("<h1>Sign in to ").Append(Html.Encode(form.ClientName)).Append("</h1>");
        body.Append("<p><strong>").Append(Html.Encode(form.ClientName)).Append("</strong> asks to act for you with these permissions:</p><ul>");
        foreach (var (scope, description) in form.Scopes)
            body.Append("<li>").Append(Html.Encode(description)).Append(" <code>").Append(Html.Encode(scope)).Append("</code></li>");
        body.Append("</ul>");
        if (form.Error is not null) body.Append("<p role=\"alert\" class=\"error\">").Append(Html.Encode(form.Error)).Append("</p>");
        body.Append("<form method=\"post\">");
        Hidden(body, form.AntiforgeryField, form.AntiforgeryToken);
        foreach (var (name, value) in form.Request.Fields()) Hidden(body, name, value);
        body.Append("<label>Email <input type=\"email\" name=\"email\" autocomplete=\"username\" required value=\"")
            .Append(Html.Encode(form.Email)).Append("\"></label>");
        body.Append("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label>");
        body.Append("<button type=\"submit\" name=\"decision\" value=\"allow\">Sign in and allow</button> ");
        body.Append("<button type=\"submit\" name=\"decision\" value=\"deny\" formnovalidate>Deny</button>");
        body.Append("</form>");
        return new PageResult("Sign in", body.ToString(), status);
    }

    public static IResult Error(string message, int status = StatusCodes.Status400BadRequest) =>
        new PageResult("Sign-in is not possible", $"<h1>Sign-in is not possible</h1><p role=\"alert\" class=\"error\">{Html.Encode(message)}</p>", status);

    private static void Hidden(StringBuilder body, string name, string value) =>
        body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name)).Append("\" value=\"").Append(Html.Encode(value)).Append("\">");

    private sealed class PageResult(string title, string body, int status) : IResult
    {
        private const string Style =
            "body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.8rem 0}" +
            "input{display:block;width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b00020}";

        public Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers.XFrameOptions = "DENY";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return response.WriteAsync(
                $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title><style>{Style}</style></head><body>{body}</body></html>");
        }
    }
}
