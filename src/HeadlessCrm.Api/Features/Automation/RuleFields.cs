using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Automation;

/// <summary>
/// What a <c>set_field</c> action may set: a contact's <c>lifecycleStage</c>, a company's <c>kind</c>, or a live,
/// non-unique custom field of the record's type, with the value checked as a user's write checks it.
/// </summary>
public sealed class RuleFields(CustomFieldCatalog catalog)
{
    private const string LifecycleStageField = "lifecycleStage";
    private const string KindField = "kind";

    /// <summary>The record type (plural, as in routes) an event of this type is about, or null for none.</summary>
    public static string? ObjectOf(string eventType) => eventType.Split('.')[0] switch
    {
        "contact" or "lead" => "contacts",
        "company" => "companies",
        "deal" => "deals",
        "activity" or "task" or "date_reminder" => "activities",
        _ => null,
    };

    /// <summary>The value as it will be stored; a field or value the record type does not take breaks a rule, named at <paramref name="at"/>.</summary>
    public async Task<JsonNode> CheckAsync(string? objectName, RuleAction action, string at, CancellationToken ct)
    {
        if (objectName is null)
            throw new RuleViolationException($"{at}.type", "set_field needs a trigger on a record's event (contact.*, company.*, deal.*, activity.*, task.*, lead.captured).");
        var field = action.Field ?? "";
        if (field.StartsWith(CustomFieldColumns.Prefix + ".", StringComparison.Ordinal))
            return await CustomValueAsync(objectName, field[(CustomFieldColumns.Prefix.Length + 1)..], action.Value!, at, ct);
        return (objectName, field) switch
        {
            ("contacts", LifecycleStageField) => EnumValue<LifecycleStage>(action.Value, at),
            ("companies", KindField) => EnumValue<CompanyKind>(action.Value, at),
            _ => throw new RuleViolationException($"{at}.field", objectName switch
            {
                "contacts" => $"On contacts: {LifecycleStageField} or {CustomFieldColumns.Prefix}.<key>.",
                "companies" => $"On companies: {KindField} or {CustomFieldColumns.Prefix}.<key>.",
                _ => $"On {objectName}: {CustomFieldColumns.Prefix}.<key>.",
            }),
        };
    }

    /// <summary>Sets the checked value on the record (checked again: a definition may have gone since the rule was made).</summary>
    public async Task SetAsync(TaggedRecord record, string objectName, RuleAction action, CancellationToken ct)
    {
        var value = await CheckAsync(objectName, action, "set_field", ct);
        switch (record, action.Field)
        {
            case (Contact contact, LifecycleStageField):
                contact.LifecycleStage = EnumNames<LifecycleStage>.Parse(value.GetValue<string>());
                break;
            case (Company company, KindField):
                company.Kind = EnumNames<CompanyKind>.Parse(value.GetValue<string>());
                break;
            default:
                var fields = record.CustomFields.DeepClone().AsObject();
                fields[action.Field![(CustomFieldColumns.Prefix.Length + 1)..]] = value;
                record.CustomFields = fields;
                break;
        }
    }

    private async Task<JsonNode> CustomValueAsync(string objectName, string key, JsonNode value, string at, CancellationToken ct)
    {
        var definition = (await catalog.OfAsync(objectName, ct)).FirstOrDefault(d => d.Key == key)
            ?? throw new RuleViolationException($"{at}.field", $"No custom field '{key}' on {objectName}.");
        if (definition.IsUnique)
            throw new RuleViolationException($"{at}.field", "A unique custom field cannot be set by a rule: every record it acts on would get the same value.");
        try
        {
            return CustomFieldValues.Check([definition], new JsonObject { [key] = value.DeepClone() }, [], new RuleCheck()).Values[key]!.DeepClone();
        }
        catch (InvalidQueryException invalid)
        {
            throw new RuleViolationException($"{at}.value", invalid.Reason);
        }
    }

    private static JsonValue EnumValue<T>(JsonNode? value, string at) where T : struct, Enum =>
        value?.GetValueKind() == JsonValueKind.String && EnumNames<T>.TryParse(value.GetValue<string>(), out var parsed)
            ? JsonValue.Create(EnumNames<T>.Name(parsed))
            : throw new RuleViolationException($"{at}.value", $"One of: {string.Join(", ", EnumNames<T>.All)}.");
}
