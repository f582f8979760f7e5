using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>
/// Which targets a webhook may have (https, or http on loopback) and which addresses a delivery may connect to:
/// never private, link-local, carrier-grade-NAT, multicast or unspecified ones unless configured — checked on the
/// address actually connected, so a name that later resolves somewhere private (DNS rebinding) is still refused.
/// </summary>
public sealed class TargetUrlPolicy(IOptions<WebhookOptions> options)
{
    private static readonly (IPAddress Network, int Prefix)[] Refused =
    [
        Cidr("10.0.0.0/8"), Cidr("172.16.0.0/12"), Cidr("192.168.0.0/16"), Cidr("100.64.0.0/10"), Cidr("169.254.0.0/16"),
        Cidr("0.0.0.0/8"), Cidr("224.0.0.0/4"), Cidr("240.0.0.0/4"), Cidr("fc00::/7"), Cidr("fe80::/10"), Cidr("ff00::/8"), Cidr("::/128"),
    ];

    /// <summary>Why the URL cannot be a target, or null if it can.</summary>
    public string? Refusal(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || url.Length > 2000) return "An absolute URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment)) return "No credentials or fragment in the URL.";
        if (uri.Scheme == Uri.UriSchemeHttps) return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) ? AddressRefusal(literal) : null;
        if (uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri)) return options.Value.AllowLoopback ? null : "Loopback targets are not allowed here.";
        return "An https URL (or http on loopback).";
    }

    /// <summary>Why a delivery may not connect to this address, or null if it may.</summary>
    public string? AddressRefusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return options.Value.AllowLoopback ? null : "The target resolves to a loopback address.";
        var allowed = options.Value.AllowedPrivateNetworks.Select(Cidr);
        if (allowed.Any(n => Contains(n, address))) return null;
        return Refused.Any(n => Contains(n, address)) ? "The target resolves to a private or reserved address." : null;
    }

    private static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static (IPAddress Network, int Prefix) Cidr(string text)
    {
        var slash = text.IndexOf('/');
        return (IPAddress.Parse(text[..slash]), int.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool Contains((IPAddress Network, int Prefix) network, IPAddress address)
    {
        if (network.Network.AddressFamily != address.AddressFamily) return false;
        var a = network.Network.GetAddressBytes();
        var b = address.GetAddressBytes();
        var bits = network.Prefix;
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (b[i] & mask)) return false;
        }
        return true;
    }

    /// <summary>The socket connector of the delivery client: resolve, check every candidate address, connect to an allowed one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.FirstOrDefault(a => AddressRefusal(a) is null)
            ?? throw new HttpRequestException($"Refused to connect to {context.DnsEndPoint.Host}: {AddressRefusal(addresses.FirstOrDefault() ?? IPAddress.None) ?? "no address"}");
        var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
