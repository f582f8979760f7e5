using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeadlessCrm.Api.Infrastructure.Paging;

/// <summary>
/// An opaque keyset cursor: the sort it belongs to and the last row's sort value and id, with a checksum so that a
/// damaged or hand-edited cursor is refused instead of silently paging from somewhere else.
/// </summary>
public sealed record Cursor(string Sort, JsonNode? Value, Guid Id)
{
    private const string Salt = "headlesscrm/cursor/v1";

    public string Encode()
    {
        var payload = new JsonObject { ["s"] = Sort, ["v"] = Value?.DeepClone(), ["i"] = Id }.ToJsonString();
        return Base64Url(Encoding.UTF8.GetBytes(payload)) + "." + Checksum(payload);
    }

    public static Cursor Decode(string text)
    {
        var dot = text.LastIndexOf('.');
        if (dot <= 0) throw Invalid();
        try
        {
            var payload = Encoding.UTF8.GetString(FromBase64Url(text[..dot]));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Checksum(payload)), Encoding.ASCII.GetBytes(text[(dot + 1)..])))
                throw Invalid();
            var json = JsonNode.Parse(payload)!.AsObject();
            return new Cursor(json["s"]!.GetValue<string>(), json["v"]?.DeepClone(), json["i"]!.GetValue<Guid>());
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or NullReferenceException or ArgumentException)
        {
            throw Invalid();
        }
    }

    private static InvalidQueryException Invalid() => new("cursor", "The cursor is not valid; use nextCursor exactly as a list returned it.");

    private static string Checksum(string payload) =>
        Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(Salt + payload))[..12]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }
}
