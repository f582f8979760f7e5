using System.Collections.Frozen;
using System.Text.Json;

namespace HeadlessCrm.Api.Infrastructure.Json;

/// <summary>
/// The one spelling of an enum value everywhere — JSON, query strings, the database: snake_case
/// (<c>SourceChannel.OrganicSearch</c> ⇄ <c>"organic_search"</c>).
/// </summary>
public static class EnumNames<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Names =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, T> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Names.Values;

    public static string Name(T value) => Names[value];

    public static bool TryParse(string? name, out T value) => Values.TryGetValue(name ?? "", out value);

    public static T Parse(string name) => TryParse(name, out var value)
        ? value
        : throw new FormatException($"'{name}' is not one of: {string.Join(", ", All)}.");
}
