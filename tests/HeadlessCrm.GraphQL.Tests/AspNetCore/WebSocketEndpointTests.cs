using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using HeadlessCrm.GraphQL.AspNetCore;

namespace HeadlessCrm.GraphQL.Tests.AspNetCore;

public class WebSocketEndpointTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<WebSocket> ConnectAsync(GraphQLTestServer server, string? subProtocol = "graphql-transport-ws")
    {
        var client = server.Server.CreateWebSocketClient();
        if (subProtocol is not null)
        {
            client.SubProtocols.Add(subProtocol);
        }

        return await client.ConnectAsync(new Uri(server.Server.BaseAddress, "graphql"), Token);
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, Token);

    /// <summary>The next text message, or "close CODE" when the server closes the socket.</summary>
    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return result.MessageType == WebSocketMessageType.Close
            ? $"close {(int?)result.CloseStatus} {result.CloseStatusDescription}"
            : Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static async Task<WebSocket> ConnectAndInitialiseAsync(GraphQLTestServer server)
    {
        var socket = await ConnectAsync(server);
        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", await ReceiveAsync(socket));
        return socket;
    }

    [Fact]
    public async Task A_subscription_streams_each_event_then_completes()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var socket = await ConnectAndInitialiseAsync(server);
        Assert.Equal("graphql-transport-ws", socket.SubProtocol);

        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await ReceiveAsync(socket));

        await SendAsync(socket, """{"id":"s1","type":"subscribe","payload":{"query":"subscription ($n: Int!) { bookAdded(count: $n) { title } }","variables":{"n":2}}}""");
        Assert.Equal("""{"id":"s1","type":"next","payload":{"data":{"bookAdded":{"title":"The Dispossessed"}}}}""", await ReceiveAsync(socket));
        Assert.Equal("""{"id":"s1","type":"next","payload":{"data":{"bookAdded":{"title":"Solaris"}}}}""", await ReceiveAsync(socket));
        Assert.Equal("""{"id":"s1","type":"complete"}""", await ReceiveAsync(socket));
    }

    [Fact]
    public async Task Queries_answer_once_and_invalid_documents_answer_with_an_error_message()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var socket = await ConnectAndInitialiseAsync(server);
        await SendAsync(socket, """{"id":"q","type":"subscribe","payload":{"query":"{ book(id: \"2\") { title } }"}}""");
        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"book":{"title":"Solaris"}}}}""", await ReceiveAsync(socket));
        Assert.Equal("""{"id":"q","type":"complete"}""", await ReceiveAsync(socket));

        await SendAsync(socket, """{"id":"bad","type":"subscribe","payload":{"query":"subscription { nope }"}}""");
        var error = JsonDocument.Parse(await ReceiveAsync(socket)).RootElement;
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("Cannot query field \"nope\" on type \"Subscription\".", error.GetProperty("payload")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_connection_init_hook_can_refuse_with_4403()
    {
        await using var server = await GraphQLTestServer.StartAsync(o => o.OnConnectionInit = c => ValueTask.FromResult(c.Payload?.GetValueOrDefault("token") as string == "good"));
        using var refused = await ConnectAsync(server);
        await SendAsync(refused, """{"type":"connection_init","payload":{"token":"bad"}}""");
        Assert.Equal("close 4403 Forbidden", await ReceiveAsync(refused));

        using var accepted = await ConnectAsync(server);
        await SendAsync(accepted, """{"type":"connection_init","payload":{"token":"good"}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await ReceiveAsync(accepted));
    }

    [Theory]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"{ uuid }"}}""", "close 4401 Unauthorized")]
    [InlineData("""{"type":"unknown"}""", "close 4400 Unexpected message of type \"unknown\"")]
    [InlineData("not json", "close 4400 Invalid message received")]
    public async Task Protocol_violations_before_acknowledgement_close_the_socket(string message, string expected)
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var socket = await ConnectAsync(server);
        await SendAsync(socket, message);
        Assert.Equal(expected, await ReceiveAsync(socket));
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429_and_a_reused_id_with_4409()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using (var socket = await ConnectAndInitialiseAsync(server))
        {
            await SendAsync(socket, """{"type":"connection_init"}""");
            Assert.Equal("close 4429 Too many initialisation requests", await ReceiveAsync(socket));
        }

        using var second = await ConnectAndInitialiseAsync(server);
        const string subscribe = """{"id":"same","type":"subscribe","payload":{"query":"subscription { bookAdded(count: 1000000) { title } }"}}""";
        await SendAsync(second, subscribe);
        await SendAsync(second, subscribe);
        string received;
        do
        {
            received = await ReceiveAsync(second);
        }
        while (received.StartsWith('{'));

        Assert.Equal("close 4409 Subscriber for same already exists", received);
    }

    [Fact]
    public async Task A_client_that_never_initialises_is_closed_with_4408()
    {
        await using var server = await GraphQLTestServer.StartAsync(o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(100));
        using var socket = await ConnectAsync(server);
        Assert.Equal("close 4408 Connection initialisation timeout", await ReceiveAsync(socket));
    }

    [Fact]
    public async Task Completing_a_subscription_stops_its_events()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var socket = await ConnectAndInitialiseAsync(server);
        await SendAsync(socket, """{"id":"long","type":"subscribe","payload":{"query":"subscription { bookAdded(count: 1000000) { title } }"}}""");
        Assert.Contains("\"type\":\"next\"", await ReceiveAsync(socket), StringComparison.Ordinal);
        await SendAsync(socket, """{"id":"long","type":"complete"}""");
        await SendAsync(socket, """{"type":"ping"}""");
        string received;
        do
        {
            received = await ReceiveAsync(socket);
        }
        while (received.Contains("\"next\"", StringComparison.Ordinal));

        Assert.Equal("""{"type":"pong"}""", received);
    }

    [Fact]
    public async Task A_socket_without_the_subprotocol_is_closed_with_4406()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var socket = await ConnectAsync(server, subProtocol: null);
        Assert.Equal("close 4406 Subprotocol not acceptable", await ReceiveAsync(socket));
    }

    [Fact]
    public void The_server_options_default_to_a_ten_second_init_timeout() =>
        Assert.Equal(TimeSpan.FromSeconds(10), new GraphQLServerOptions().ConnectionInitTimeout);
}
