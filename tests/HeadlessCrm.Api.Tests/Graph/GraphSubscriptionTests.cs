using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.TestHost;

namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>Subscriptions over a real graphql-transport-ws WebSocket, fed by the live event feed.</summary>
public sealed class GraphSubscriptionTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_rep_receives_changes_of_the_deals_they_see_and_nothing_of_others()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var otherRep = await ws.MemberAsync("rep");
        using var socket = await ConnectAsync(rep.Http);
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "subscription { dealChanged { type deal { title } } }" } });
        await Task.Delay(500); // the subscription registers with the feed once the server has read the message

        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Not yours", ownerId = otherRep.Id });
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "Yours", ownerId = rep.Id });

        var next = await ReceiveAsync(socket);
        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.Equal("1", next["id"]!.GetValue<string>());
        Assert.Equal("deal.created", next["payload"]!["data"]!["dealChanged"]!["type"]!.GetValue<string>());
        Assert.Equal("Yours", next["payload"]!["data"]!["dealChanged"]!["deal"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_activity_logged_in_another_workspace_is_not_sent()
    {
        var mine = await api.NewWorkspaceAsync();
        var other = await api.NewWorkspaceAsync();
        using var socket = await ConnectAsync(mine.Http);
        await SendAsync(socket, new { id = "a", type = "subscribe", payload = new { query = "subscription { activityCreated { activity { subject } } }" } });
        await Task.Delay(500);

        await other.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Theirs" });
        await mine.Http.CreateAsync("/api/v1/activities", new { type = "call", subject = "Mine" });

        var next = await ReceiveAsync(socket);
        Assert.Equal("Mine", next["payload"]!["data"]!["activityCreated"]!["activity"]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribing_without_the_read_scope_is_an_error()
    {
        var ws = await api.NewWorkspaceAsync();
        var noDeals = await ws.ClientWithScopesAsync("crm.contacts.read");
        using var socket = await ConnectAsync(noDeals);
        await SendAsync(socket, new { id = "x", type = "subscribe", payload = new { query = "subscription { dealChanged { type } } " } });

        var message = await ReceiveAsync(socket);
        Assert.Equal("error", message["type"]!.GetValue<string>());
        Assert.Contains("crm.deals.read", message.ToJsonString());
    }

    [Fact]
    public async Task A_browser_without_headers_authenticates_in_connection_init()
    {
        var ws = await api.NewWorkspaceAsync();
        using var socket = await OpenAsync(null);
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = ws.Http.DefaultRequestHeaders.Authorization!.ToString() } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))["type"]!.GetValue<string>());
        await SendAsync(socket, new { id = "c", type = "subscribe", payload = new { query = "subscription { contactChanged { type contact { firstName } } }" } });
        await Task.Delay(500);

        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Grace" });

        var next = await ReceiveAsync(socket);
        Assert.Equal("contact.created", next["payload"]!["data"]!["contactChanged"]!["type"]!.GetValue<string>());
        Assert.Equal("Grace", next["payload"]!["data"]!["contactChanged"]!["contact"]!["firstName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_connection_without_a_valid_token_is_closed_with_4403()
    {
        using var socket = await OpenAsync(null);
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = "Bearer not-a-token" } });

        var result = await socket.ReceiveAsync(new byte[1024], new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(4403, (int)result.CloseStatus!.Value);
    }

    private async Task<WebSocket> OpenAsync(HttpClient? authenticated)
    {
        var client = api.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        if (authenticated is not null)
            client.ConfigureRequest = request => request.Headers.Authorization = authenticated.DefaultRequestHeaders.Authorization!.ToString();
        return await client.ConnectAsync(new Uri(api.Server.BaseAddress, "graphql"), CancellationToken.None);
    }

    private async Task<WebSocket> ConnectAsync(HttpClient authenticated)
    {
        var socket = await OpenAsync(authenticated);
        await SendAsync(socket, new { type = "connection_init" });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))["type"]!.GetValue<string>());
        return socket;
    }

    private static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(text.ToArray())!;
    }
}
