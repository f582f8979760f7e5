namespace HeadlessCrm.Benchmarks.Load;

/// <summary>Sends each request to the next host in turn (relative URIs are resolved against it).</summary>
public sealed class RoundRobinHandler(IReadOnlyList<Uri> hosts) : DelegatingHandler
{
    private long _next = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var host = hosts[(int)(Interlocked.Increment(ref _next) % hosts.Count)];
        request.RequestUri = new Uri(host, request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString);
        return base.SendAsync(request, ct);
    }

    public static HttpClient Client(IReadOnlyList<Uri> hosts, int connections, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        HttpMessageHandler inner = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        };
        if (wrap is not null) inner = wrap(inner);
        // A placeholder base address: the handler replaces it with a real host per request.
        return new HttpClient(new RoundRobinHandler(hosts) { InnerHandler = inner }) { BaseAddress = hosts[0], Timeout = TimeSpan.FromSeconds(30) };
    }
}
