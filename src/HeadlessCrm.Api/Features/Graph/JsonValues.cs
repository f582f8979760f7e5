using System.Text.Json;
using HeadlessCrm.Api.Infrastructure.Json;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>Values of JSON fields (maps, JsonNode trees) as the JSON REST sends, which the JSON scalar writes as it is.</summary>
public static class JsonValues
{
    public static JsonElement? Of(object? value) => value is null ? null : JsonSerializer.SerializeToElement(value, CrmJson.Options);
}
