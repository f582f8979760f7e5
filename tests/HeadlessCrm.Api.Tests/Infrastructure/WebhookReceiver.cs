using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback that plays a webhook receiver: it records every request and answers with the
/// statuses it is told to, in order (then 200), or holds requests until released.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _holding;

    public sealed record Received(string Body, IReadOnlyDictionary<string, string> Headers, DateTime At);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url { get; }

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver!.Requests.Enqueue(new Received(body, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), DateTime.UtcNow));
            if (receiver._holding) await receiver._release.Task;
            context.Response.StatusCode = receiver._answers.TryDequeue(out var status) ? status : 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, address + "/hook");
        return receiver;
    }

    /// <summary>The next requests are answered with these statuses, in order.</summary>
    public void AnswerWith(params int[] statuses)
    {
        foreach (var status in statuses) _answers.Enqueue(status);
    }

    /// <summary>Requests hang until <see cref="Release"/>.</summary>
    public void Hold() => _holding = true;

    public void Release()
    {
        _holding = false;
        _release.TrySetResult();
    }

    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? timeout = null, Func<Received, bool>? where = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var matching = Requests.Where(where ?? (_ => true)).ToList();
            if (matching.Count >= count) return matching;
            await Task.Delay(50);
        }
        Assert.Fail($"Expected {count} webhook requests, got {Requests.Count(where ?? (_ => true))}.");
        return [];
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
