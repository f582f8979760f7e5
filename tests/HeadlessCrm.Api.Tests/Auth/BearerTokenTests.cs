using System.Security.Cryptography;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Identity.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HeadlessCrm.Api.Tests.Auth;

/// <summary>Only a current token this server signed, for this API, gets in; every other is a 401 saying so.</summary>
public sealed class BearerTokenTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task No_token_is_a_401_problem_with_a_bearer_challenge()
    {
        using var http = api.CreateClient();
        var response = await http.GetAsync("/api/v1/contacts");
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    public static TheoryData<string> BadTokens => ["expired", "wrong audience", "foreign issuer", "signed by another key", "not a jwt", "unsigned"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_a_401_with_invalid_token(string kind)
    {
        var ws = await api.NewWorkspaceAsync();
        var token = await TokenAsync(kind, ws.Id);
        using var http = api.ClientWithToken(token);
        var response = await http.GetAsync("/api/v1/contacts");
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_crafted_the_same_way_but_valid_gets_in()
    {
        var ws = await api.NewWorkspaceAsync();
        using var http = api.ClientWithToken(await TokenAsync("valid", ws.Id));
        await (await http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    private async Task<string> TokenAsync(string kind, Guid workspace)
    {
        if (kind == "not a jwt") return "abc.def.ghi";
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = kind == "foreign issuer" ? "https://evil.example" : "http://localhost",
            Audience = kind == "wrong audience" ? "some-other-api" : "headlesscrm-api",
            IssuedAt = kind == "expired" ? now.AddHours(-2) : now,
            NotBefore = kind == "expired" ? now.AddHours(-2) : now,
            Expires = kind == "expired" ? now.AddHours(-1) : now.AddMinutes(5),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "crafted",
                ["workspace_id"] = workspace.ToString(),
                ["scope"] = Scopes.ContactsRead,
            },
        };
        if (kind == "unsigned") return new JsonWebTokenHandler().CreateToken(descriptor);
        if (kind == "signed by another key")
        {
            descriptor.SigningCredentials = new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256);
        }
        else
        {
            var ring = api.Services.GetRequiredService<SigningKeyRing>();
            descriptor.SigningCredentials = await ring.SigningCredentialsAsync(CancellationToken.None);
        }
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
