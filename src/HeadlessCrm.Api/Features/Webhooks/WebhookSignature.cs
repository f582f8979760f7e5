using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>
/// How a delivery proves where it came from: <c>Crm-Webhook-Signature: v1=&lt;hex HMAC-SHA256(secret, "{timestamp}.{body}")&gt;</c>
/// with the Unix timestamp in <c>Crm-Webhook-Timestamp</c>. Receivers recompute it and refuse timestamps older than a
/// few minutes (replays). See docs/webhooks.md for verification code.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "Crm-Webhook-Signature";
    public const string TimestampHeader = "Crm-Webhook-Timestamp";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }

    public static bool Verify(string secret, string timestampHeader, string body, string signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > tolerance) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return signatureHeader.Split(',', StringSplitOptions.TrimEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }
}
