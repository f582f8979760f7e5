using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.OAuth;

/// <summary>A workspace with an application that signs members in (public unless a secret is wanted), and members with passwords.</summary>
public sealed class OAuthWorkspace
{
    public const string RedirectUri = "https://app.example/callback";
    public const string Password = "correct horse battery";

    private readonly CrmApi _api;

    private OAuthWorkspace(CrmApi api, TestWorkspace workspace, string clientId, string? secret)
    {
        _api = api;
        Workspace = workspace;
        ClientId = clientId;
        Secret = secret;
    }

    public TestWorkspace Workspace { get; }
    public string ClientId { get; }
    public string? Secret { get; }

    public static async Task<OAuthWorkspace> CreateAsync(CrmApi api, bool confidential = false, string[]? scopes = null)
    {
        var workspace = await api.NewWorkspaceAsync();
        var (clientId, secret) = await api.CreateClientAsync(workspace.Id, scopes ?? Scopes.All.ToArray(), confidential, [RedirectUri]);
        return new OAuthWorkspace(api, workspace, clientId, secret);
    }

    public SignInBrowser Browser(string? clientId = null, string? secret = null) =>
        new(_api, clientId ?? ClientId, RedirectUri, clientId is null ? Secret : secret);

    /// <summary>A member who can sign in with <see cref="Password"/>; returns their id and email.</summary>
    public async Task<(string Id, string Email)> MemberAsync(string role, string? teamId = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@people.example";
        var member = await Workspace.Http.CreateAsync("/api/v1/members", new { email, name = $"A {role}", role, teamId, password = Password });
        return (member.Id(), email);
    }
}
