using System.Text;
using System.Text.Json.Nodes;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>A submission's fields sorted onto a contact through the form's field map.</summary>
public sealed class FormFields
{
    public const string CustomPrefix = "customFields.";

    public static readonly string[] Targets = ["email", "firstName", "lastName", "phone", "title", "message"];

    public static bool IsTarget(string target) =>
        Targets.Contains(target) || target.StartsWith(CustomPrefix, StringComparison.Ordinal) && target.Length is > 13 and <= 100;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The form field that carries the email (errors name it, as the submitter knows it).</summary>
    public string EmailField { get; }

    /// <summary>Every submitted field, as "name: value" lines: the body of the form-submission note.</summary>
    public string Transcript { get; }

    public FormFields(WebForm form, IReadOnlyDictionary<string, string> submitted)
    {
        EmailField = form.FieldMap.First(m => m.Value == "email").Key;
        var transcript = new StringBuilder();
        foreach (var (name, value) in submitted)
        {
            if (name == form.HoneypotField) continue;
            transcript.Append(name).Append(": ").AppendLine(value);
            if (form.FieldMap.TryGetValue(name, out var target) && !string.IsNullOrWhiteSpace(value)) _values[target] = value.Trim();
        }
        Transcript = transcript.ToString().TrimEnd();
    }

    public string? this[string target] => _values.GetValueOrDefault(target);

    public JsonObject CustomFields() => new(_values
        .Where(v => v.Key.StartsWith(CustomPrefix, StringComparison.Ordinal))
        .Select(v => KeyValuePair.Create(v.Key[CustomPrefix.Length..], (JsonNode?)JsonValue.Create(v.Value))));
}
