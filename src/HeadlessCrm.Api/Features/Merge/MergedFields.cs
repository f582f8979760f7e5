using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Merge;

/// <summary>
/// Combines the writable fields of the records being merged, as JSON (so one rule serves every record type): a field
/// named in the winners takes that record's value; a list (emails, phones, tags) is the union, survivor's entries first
/// and each once; any other field keeps the survivor's value, or the first merged record's when the survivor has none.
/// Custom fields combine key by key the same way (winners as <c>customFields.&lt;key&gt;</c>).
/// </summary>
public static class MergedFields
{
    public static JsonObject Combine(
        IReadOnlyList<(Guid Id, JsonObject Fields)> records, IReadOnlyDictionary<string, Guid> winners, IReadOnlyCollection<string> fieldNames)
    {
        foreach (var (field, id) in winners)
        {
            var known = fieldNames.Contains(field)
                || field.StartsWith(CustomFieldColumns.Prefix + ".", StringComparison.Ordinal) && field.Length > CustomFieldColumns.Prefix.Length + 1;
            if (!known) throw new InvalidQueryException($"fieldWinners.{field}", $"Not a field; name one of: {string.Join(", ", fieldNames)} or customFields.<key>.");
            if (records.All(r => r.Id != id))
                throw new RuleViolationException($"fieldWinners.{field}", "Must be the survivor or one of the merged records.");
        }

        var merged = Combine(records, winners, prefix: "", skip: CustomFieldColumns.Prefix);
        var customFields = records.Select(r => (r.Id, r.Fields[CustomFieldColumns.Prefix] as JsonObject ?? [])).ToList();
        merged[CustomFieldColumns.Prefix] = Combine(customFields, winners, prefix: CustomFieldColumns.Prefix + ".", skip: null);
        return merged;
    }

    private static JsonObject Combine(IReadOnlyList<(Guid Id, JsonObject Fields)> records, IReadOnlyDictionary<string, Guid> winners, string prefix, string? skip)
    {
        var result = new JsonObject();
        var names = records.SelectMany(r => r.Fields.Select(p => p.Key)).Distinct().Where(n => n != skip);
        foreach (var name in names)
        {
            var values = records.Select(r => r.Fields[name]).ToList();
            JsonNode? value;
            if (winners.TryGetValue(prefix + name, out var winner)) value = records.First(r => r.Id == winner).Fields[name];
            else if (values.OfType<JsonArray>().Any()) value = Union(name, values);
            else value = values.FirstOrDefault(v => !IsEmpty(v));
            if (value is not null) result[name] = value.DeepClone();
            else if (prefix.Length == 0) result[name] = null;
        }
        return result;
    }

    /// <summary>Every entry once, by the key lookups compare (emails lower-cased, phones by digits); only the survivor's stay primary.</summary>
    private static JsonArray Union(string name, IReadOnlyList<JsonNode?> lists)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        for (var i = 0; i < lists.Count; i++)
        {
            foreach (var item in lists[i] as JsonArray ?? [])
            {
                if (item is null || !seen.Add(Key(name, item))) continue;
                var copy = item.DeepClone();
                if (i > 0 && copy is JsonObject entry && entry.ContainsKey("primary")) entry["primary"] = false;
                result.Add(copy);
            }
        }
        return result;
    }

    private static string Key(string name, JsonNode item)
    {
        var text = item is JsonObject o && o["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : item.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item.ToJsonString();
        return name == "phones" ? Contact.PhoneKey(text) : text.Trim().ToLowerInvariant();
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonObject o => o.All(p => IsEmpty(p.Value)),
        JsonArray a => a.Count == 0,
        _ => false,
    };
}
