namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>An origin as browsers send it in the Origin header: lower-case scheme://host, with the port only if not the default.</summary>
public static class WebOrigin
{
    public static string? Normalise(string? origin)
    {
        if (origin is null || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("https" or "http") || uri.PathAndQuery is not ("/" or "") || !string.IsNullOrEmpty(uri.UserInfo)) return null;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
    }
}
