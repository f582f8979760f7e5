namespace HeadlessCrm.Api.Features.Companies;

/// <summary>Company domains are compared as bare lower-case hosts: "https://www.Example.com/about" is "example.com".</summary>
public static class DomainName
{
    public static bool TryNormalise(string text, out string domain)
    {
        domain = "";
        var candidate = text.Trim();
        if (!candidate.Contains("://", StringComparison.Ordinal)) candidate = "http://" + candidate;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns) return false;
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        if (!host.Contains('.') || host.Length > 253) return false;
        domain = host;
        return true;
    }

    public static string Normalise(string text) =>
        TryNormalise(text, out var domain) ? domain : throw new ArgumentException($"'{text}' is not a domain name.", nameof(text));
}
