using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Identity;

/// <summary>The issuer identifier: configured, or else the base URL the request came in on.</summary>
public sealed class IssuerUri(IOptions<IdentityServerOptions> options, IHttpContextAccessor http)
{
    public string Current => Of(http.HttpContext);

    public string Of(HttpContext? context)
    {
        if (!string.IsNullOrEmpty(options.Value.Issuer)) return options.Value.Issuer.TrimEnd('/');
        if (context is null) throw new InvalidOperationException("Set Crm:Auth:Issuer to issue tokens outside a request.");
        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
    }
}
