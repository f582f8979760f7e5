namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>A workspace a test owns, and HTTP clients acting in it with real tokens.</summary>
public sealed class TestWorkspace(CrmApi api, Guid id)
{
    public Guid Id { get; } = id;

    /// <summary>The client made with the workspace, holding the scopes it was made with.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Another client of this workspace holding exactly <paramref name="scopes"/>.</summary>
    public async Task<HttpClient> ClientWithScopesAsync(params string[] scopes)
    {
        var (clientId, secret) = await api.CreateClientAsync(Id, scopes);
        return api.ClientWithToken(await api.TokenAsync(clientId, secret));
    }

    internal async Task AddClientAsync(string[] scopes) => Http = await ClientWithScopesAsync(scopes);

    /// <summary>A member added through the admin API, and an HTTP client acting as them with a personal access token.</summary>
    public async Task<TestMember> MemberAsync(string role, string? teamId = null, params string[] scopes)
    {
        var email = $"{role}-{Guid.NewGuid():N}@members.example";
        var member = await Http.CreateAsync("/api/v1/members", new { email, name = $"{role} {email[..12]}", role, teamId });
        var wanted = scopes.Length > 0 ? scopes : DefaultScopes(role);
        var issued = await Http.CreateAsync($"/api/v1/members/{member.Id()}/tokens", new { name = "tests", scopes = wanted });
        return new TestMember(member.Id(), email, api.ClientWithToken(issued["token"]!.GetValue<string>()));
    }

    public async Task<string> TeamAsync(string name) => (await Http.CreateAsync("/api/v1/teams", new { name })).Id();

    private static string[] DefaultScopes(string role) => role == "admin"
        ? HeadlessCrm.Api.Infrastructure.Access.Scopes.All.ToArray()
        : HeadlessCrm.Api.Infrastructure.Access.RoleScopes.For(Enum.Parse<HeadlessCrm.Api.Features.Members.MemberRole>(role, true)).ToArray();
}

/// <summary>A member of a test workspace and a client authenticated as them.</summary>
public sealed record TestMember(string Id, string Email, HttpClient Http);
