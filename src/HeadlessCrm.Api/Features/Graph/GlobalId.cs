using System.Text;
using HeadlessCrm.GraphQL;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// Relay global ids: base64url of <c>Type:uuid</c> (e.g. <c>Deal:0193…</c>), so <c>node(id:)</c> knows which record type
/// to read. Clients treat them as opaque; <c>recordId</c> on every type gives the REST id.
/// </summary>
public static class GlobalId
{
    public static string Encode(string type, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string Type, Guid Id) Decode(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var plain = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var colon = plain.IndexOf(':');
            if (colon > 0 && Guid.TryParse(plain[(colon + 1)..], out var id)) return (plain[..colon], id);
        }
        catch (FormatException)
        {
            // falls through to the error below
        }
        throw Invalid();
    }

    /// <summary>The record id inside a global id that must name a <paramref name="type"/>.</summary>
    public static Guid Of(string type, string text)
    {
        var (actual, id) = Decode(text);
        return actual == type ? id : throw Invalid($"Expected the id of a {type}, got one of a {actual}.");
    }

    private static GraphQLException Invalid(string message = "Not a valid id; use an id exactly as the API returned it.") =>
        new(message, "BAD_USER_INPUT");
}
