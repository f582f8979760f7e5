using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using HeadlessCrm.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeadlessCrm.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// One connection speaking graphql-transport-ws: connection_init/ack (with the authentication hook), ping/pong,
/// subscribe/next/error/complete, and the protocol's close codes. Each operation runs in its own service scope, so
/// concurrent subscriptions of one socket never share a DbContext.
/// </summary>
internal sealed class GraphQLTransportWsSession(WebSocket socket, HttpContext http, GraphQLEngine engine, GraphQLServerOptions options)
{
    private const int MaxMessageBytes = 1 << 20;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    private readonly ILogger _logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<GraphQLTransportWsSession>();
    private ClaimsPrincipal _user = http.User;
    private bool _initReceived;
    private bool _acknowledged;

    public async Task RunAsync()
    {
        var initTimeout = CloseUnlessInitialisedAsync();
        try
        {
            while (await ReceiveAsync() is { } message)
            {
                if (!await HandleAsync(message))
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away or did not answer our close in time.
        }
        finally
        {
            foreach (var operation in _operations.Values)
            {
                await operation.CancelAsync();
            }

            await _closing.CancelAsync();
            await initTimeout;
        }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, _closing.Token);
            if (!_initReceived)
            {
                await CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended first.
        }
    }

    private async Task<JsonDocument?> ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), _closing.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                await CloseAsync(CloseCodes.BadRequest, "Message too large");
                return null;
            }

            if (result.EndOfMessage)
            {
                break;
            }
        }

        try
        {
            return JsonDocument.Parse(buffer.WrittenMemory);
        }
        catch (JsonException)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return null;
        }
    }

    /// <summary>Handles one message; false means the socket was closed and the session should end.</summary>
    private async Task<bool> HandleAsync(JsonDocument document)
    {
        using (document)
        {
            var message = document.RootElement;
            var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
            switch (type)
            {
                case "connection_init":
                    return await InitialiseAsync(message);
                case "ping":
                    await SendAsync(w => w.WriteString("type", "pong"));
                    return true;
                case "pong":
                    return true;
                case "subscribe":
                    return await SubscribeAsync(message);
                case "complete" when Id(message) is { } id:
                    if (_operations.TryRemove(id, out var operation))
                    {
                        await operation.CancelAsync();
                    }

                    return true;
                default:
                    return await CloseAsync(CloseCodes.BadRequest, type is null ? "Invalid message received" : $"Unexpected message of type \"{type}\"");
            }
        }
    }

    private async Task<bool> InitialiseAsync(JsonElement message)
    {
        if (_initReceived)
        {
            return await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
        }

        _initReceived = true;
        var payload = message.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? JsonInput.ToDictionary(p) : null;
        var context = new ConnectionInitContext(http, payload);
        if (options.OnConnectionInit is { } hook && !await hook(context))
        {
            return await CloseAsync(CloseCodes.Forbidden, "Forbidden");
        }

        _user = context.User;
        _acknowledged = true;
        await SendAsync(w =>
        {
            w.WriteString("type", "connection_ack");
            if (context.AcknowledgementPayload is { } ack)
            {
                w.WritePropertyName("payload");
                JsonSerializer.Serialize(w, ack);
            }
        });
        return true;
    }

    private async Task<bool> SubscribeAsync(JsonElement message)
    {
        if (Id(message) is not { } id || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
        }

        if (!_acknowledged)
        {
            return await CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        if (!_operations.TryAdd(id, cancellation))
        {
            cancellation.Dispose();
            return await CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }

        var request = new GraphQLRequest
        {
            Query = query.GetString(),
            OperationName = payload.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
            Variables = payload.TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Object ? JsonInput.ToDictionary(variables) : null,
            Extensions = payload.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object ? JsonInput.ToDictionary(extensions) : null,
        };
        _ = RunOperationAsync(id, request, cancellation);
        return true;
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation)
    {
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        try
        {
            var result = await engine.SubscribeAsync(request, new RequestContext(scope.ServiceProvider, _user, cancellation.Token));
            if (result.Failure is { HasData: false } failure)
            {
                await SendAsync(w =>
                {
                    w.WriteString("id", id);
                    w.WriteString("type", "error");
                    w.WritePropertyName("payload");
                    ExecutionResultWriter.WriteErrors(w, failure.Errors ?? []);
                });
                return;
            }

            var stream = result.Stream ?? Single(result.Failure!);
            await foreach (var item in stream.WithCancellation(cancellation.Token))
            {
                await SendAsync(w =>
                {
                    w.WriteString("id", id);
                    w.WriteString("type", "next");
                    w.WritePropertyName("payload");
                    ExecutionResultWriter.Write(w, item);
                });
            }

            await SendAsync(w =>
            {
                w.WriteString("id", id);
                w.WriteString("type", "complete");
            });
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client completed the operation, or the socket closed.
        }
        catch (Exception exception) when (exception is not WebSocketException)
        {
            _logger.LogError(exception, "GraphQL operation {Id} failed", id);
            await CloseAsync(CloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation));
            cancellation.Dispose();
        }
    }

    private static async IAsyncEnumerable<ExecutionResult> Single(ExecutionResult result)
    {
        await Task.CompletedTask;
        yield return result;
    }

    private static string? Id(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;

    private async Task SendAsync(Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }

        await _sendLock.WaitAsync(_closing.Token);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, _closing.Token);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes with a protocol code; always returns false so the caller stops reading.</summary>
    private async Task<bool> CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync(CancellationToken.None);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }

        // Give the client a moment to answer the close before the read loop is abandoned.
        _closing.CancelAfter(TimeSpan.FromSeconds(5));
        return false;
    }
}
