using System.Collections;
using System.Globalization;
using System.Text.Json;
using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL;

/// <summary>Describes a runtime value the way error messages quote it: strings in quotes, lists and objects spelled out.</summary>
internal static class Inspect
{
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        ValueNode node => Printer.Print(node),
        JsonElement element => element.GetRawText(),
        IFormattable formattable and not Enum => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, object?>> map => map.Any()
            ? "{ " + string.Join(", ", map.Select(p => $"{p.Key}: {Value(p.Value)}")) + " }"
            : "{}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Value)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
