using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HeadlessCrm.Benchmarks.MultiHost;

/// <summary>A loopback HTTP endpoint that answers 200 to webhook deliveries and counts them by event id.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _events = new();
    private readonly Task _serving;
    private int _requests;

    private WebhookReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public int Requests => Volatile.Read(ref _requests);
    public int DistinctEvents => _events.Count;

    public static WebhookReceiver Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new WebhookReceiver(port);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            _events.AddOrUpdate(context.Request.Headers["Crm-Webhook-Id"] ?? "(none)", 1, (_, n) => n + 1);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _serving;
    }
}
