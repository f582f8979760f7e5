using System.Text.Json;

namespace HeadlessCrm.Api.Infrastructure.Json;

/// <summary>
/// Reads a request body (already parsed as JSON) into an input type with the API's strict rules. A failure is the
/// client's (400, naming the member), which is kept apart from a JsonException while writing a response (our bug, 500).
/// </summary>
public static class RequestJson
{
    public static T Read<T>(JsonElement body) => Read(() => body.Deserialize<T>(CrmJson.Options));

    public static T Read<T>(Func<T?> read)
    {
        try
        {
            return read() ?? throw new JsonException("Expected a JSON object.");
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The request body is not valid.", StatusCodes.Status400BadRequest, e);
        }
    }
}
