using System.Net;

namespace HeadlessCrm.Api.Features.OAuthClients;

/// <summary>
/// Where a sign-in may send its code (OAuth 2.0 Security BCP §4.1, RFC 8252 §7.3): an absolute https URI, or plain http
/// only to the device itself (a native app's loopback listener); never with a fragment, which would not survive the
/// redirect. URIs are compared exactly when used, so they are stored exactly as given.
/// </summary>
public static class RedirectUriRules
{
    public const int MaxLength = 2000;

    public static bool IsAcceptable(string? value, out string reason)
    {
        reason = "";
        // On Unix, "/path" parses as an absolute file URI: a leading slash is a relative reference here.
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value.StartsWith('/') || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
            reason = $"An absolute URI of at most {MaxLength} characters.";
        else if (value.Contains('#'))
            reason = "A redirect URI may not have a fragment.";
        else if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            reason = "http is only allowed for loopback (127.0.0.1, [::1], localhost); use https.";
        else if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            reason = "Use https (or http to a loopback address).";
        else if (uri.UserInfo.Length > 0)
            reason = "A redirect URI may not carry credentials.";
        return reason.Length == 0;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.Host == "localhost" || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
