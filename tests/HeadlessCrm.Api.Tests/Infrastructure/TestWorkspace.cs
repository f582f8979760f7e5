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
}
