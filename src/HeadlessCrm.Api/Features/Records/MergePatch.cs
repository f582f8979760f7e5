using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Infrastructure.Json;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// JSON merge patch (RFC 7396): the record's writable fields as JSON, the patch merged in (null removes a member,
/// objects merge, everything else replaces), then read back as the input type — with the same strictness as a create,
/// so a patch can neither set an unknown or read-only field nor a value of the wrong type.
/// </summary>
public static class MergePatch
{
    public static TInput Apply<TInput>(TInput current, JsonElement patch)
    {
        var merged = Merge(JsonSerializer.SerializeToNode(current, CrmJson.Options), JsonNode.Parse(patch.GetRawText()));
        return RequestJson.Read(() => merged.Deserialize<TInput>(CrmJson.Options));
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null) result.Remove(name);
            else result[name] = Merge(result[name], value);
        }
        return result;
    }
}
