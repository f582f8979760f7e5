namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>Authorization server metadata (RFC 8414) names every endpoint and what each supports.</summary>
public sealed class DiscoveryTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static string[] Strings(JsonNode metadata, string name) => metadata[name]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    [Theory]
    [InlineData("/.well-known/oauth-authorization-server")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task The_metadata_lists_every_endpoint_grant_and_the_only_pkce_method(string path)
    {
        using var http = api.CreateClient();

        var metadata = await http.GetJsonAsync(path);

        Assert.Equal("http://localhost", metadata["issuer"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/authorize", metadata["authorization_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/token", metadata["token_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/revoke", metadata["revocation_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/introspect", metadata["introspection_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/.well-known/jwks.json", metadata["jwks_uri"]!.GetValue<string>());
        Assert.Equal(["authorization_code", "refresh_token", "client_credentials"], Strings(metadata, "grant_types_supported"));
        Assert.Equal(["code"], Strings(metadata, "response_types_supported"));
        Assert.Equal(["S256"], Strings(metadata, "code_challenge_methods_supported"));
        Assert.Equal(["client_secret_basic", "client_secret_post", "none"], Strings(metadata, "token_endpoint_auth_methods_supported"));
        Assert.Equal(["client_secret_basic", "client_secret_post"], Strings(metadata, "introspection_endpoint_auth_methods_supported"));
        Assert.Contains("crm.admin", Strings(metadata, "scopes_supported"));
        Assert.True(metadata["authorization_response_iss_parameter_supported"]!.GetValue<bool>());

        var jwks = await http.GetJsonAsync("/.well-known/jwks.json");
        Assert.All(jwks["keys"]!.AsArray(), key =>
        {
            Assert.Equal("RSA", key!["kty"]!.GetValue<string>());
            Assert.Equal("RS256", key["alg"]!.GetValue<string>());
            Assert.Null(key["d"]);
        });
    }

    [Fact]
    public async Task Every_advertised_endpoint_answers()
    {
        using var http = api.CreateClient();
        var metadata = await http.GetJsonAsync("/.well-known/oauth-authorization-server");

        foreach (var name in new[] { "token_endpoint", "revocation_endpoint", "introspection_endpoint" })
        {
            var response = await http.PostAsync(new Uri(metadata[name]!.GetValue<string>()).PathAndQuery, new FormUrlEncodedContent([]));
            Assert.Equal("invalid_client", (await response.JsonAsync())["error"]!.GetValue<string>());
        }
        var authorize = await http.GetAsync(new Uri(metadata["authorization_endpoint"]!.GetValue<string>()).PathAndQuery);
        await authorize.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("text/html", authorize.Content.Headers.ContentType?.MediaType);
    }
}
