using HeadlessCrm.Api.Infrastructure.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Auth;

/// <summary>
/// Every endpoint that needs a scope, called with a token holding every scope but that one: a 403 that names it.
/// The endpoints are read from the running host, so a new endpoint is covered the day it is added.
/// </summary>
public sealed class ScopeMatrixTests(CrmApi api) : IClassFixture<CrmApi>
{
    public static TheoryData<string, string, string, string> ScopedEndpoints()
    {
        using var host = new CrmApi();
        host.InitializeAsync().AsTask().GetAwaiter().GetResult();
        var data = new TheoryData<string, string, string, string>();
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var scope = endpoint.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<ScopeRequirement>().SingleOrDefault();
            // Endpoints without one scope (/graphql checks scopes per field) are covered by their own tests.
            if (scope is null) continue;
            // A body of the type the endpoint reads (routing answers 415 to any other before authentication runs).
            var contentType = endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.ContentTypes.FirstOrDefault() ?? "application/json";
            foreach (var method in endpoint.Metadata.OfType<HttpMethodMetadata>().Single().HttpMethods)
            {
                data.Add(method, endpoint.RoutePattern.RawText!, scope.Scope, contentType);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ScopedEndpoints), DisableDiscoveryEnumeration = true)]
    public async Task An_endpoint_refuses_a_token_without_its_scope_and_names_it(string method, string route, string scope, string contentType)
    {
        var ws = await api.NewWorkspaceAsync(Scopes.All.Where(s => s != scope).ToArray());
        var response = await ws.Http.SendAsync(Request(method, route, contentType));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(scope, problem["detail"]!.GetValue<string>());
        Assert.Contains($"scope=\"{scope}\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [MemberData(nameof(ScopedEndpoints), DisableDiscoveryEnumeration = true)]
    public async Task An_endpoint_refuses_a_request_without_a_token(string method, string route, string scope, string contentType)
    {
        using var http = api.CreateClient();
        var response = await http.SendAsync(Request(method, route, contentType));
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.NotEmpty(scope);
    }

    private static HttpRequestMessage Request(string method, string route, string contentType)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", _ => Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PATCH" or "PUT") request.Content = new StringContent(contentType == "application/json" ? "{}" : "", System.Text.Encoding.UTF8, contentType);
        return request;
    }
}
