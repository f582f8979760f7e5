using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace HeadlessCrm.Benchmarks.Load;

/// <summary>
/// Gets an access token with the client-credentials grant at the token endpoint the host's discovery document names,
/// and a new one shortly before it expires.
/// </summary>
public sealed class TokenSource(Uri host, string clientId, string clientSecret)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private string? _token;
    private DateTime _renewAt;

    public async Task<string> TokenAsync(CancellationToken ct)
    {
        if (_token is not null && DateTime.UtcNow < _renewAt) return _token;
        await _refresh.WaitAsync(ct);
        try
        {
            if (_token is not null && DateTime.UtcNow < _renewAt) return _token;
            var (token, lifetime) = await RequestTokenAsync(host, clientId, clientSecret, ct);
            _renewAt = DateTime.UtcNow + lifetime * 0.8;
            return _token = token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public static async Task<(string Token, TimeSpan Lifetime)> RequestTokenAsync(Uri host, string clientId, string clientSecret, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = host };
        var discovery = await http.GetFromJsonAsync<JsonElement>(".well-known/openid-configuration", ct);
        // The path only: the advertised issuer may be a shared name (behind a load balancer) this machine cannot resolve.
        var endpoint = new Uri(discovery.GetProperty("token_endpoint").GetString()!).PathAndQuery;
        using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"token request for '{clientId}' failed ({(int)response.StatusCode}): {body}");
        return (body.GetProperty("access_token").GetString()!, TimeSpan.FromSeconds(body.GetProperty("expires_in").GetInt32()));
    }
}

/// <summary>Puts the token source's current access token on every request.</summary>
public sealed class BearerHandler(TokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.TokenAsync(ct));
        return await base.SendAsync(request, ct);
    }
}
